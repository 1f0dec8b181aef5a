package org.kimberleyprocess.portal.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.server.PathContainer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.validation.BindingResult;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import org.kimberleyprocess.portal.PortalTest;
import org.kimberleyprocess.portal.SqlStatementCounter;
import org.kimberleyprocess.portal.SignIn;
import org.kimberleyprocess.portal.shared.Flash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every route of the portal, as its own handler mappings list them, against every kind of reader:
 * the expected answers are in {@code src/test/resources/access/routes.txt}, one line per request
 * and one column per reader. A route without a line there fails the build, so a new route cannot
 * be added without deciding who may use it.
 */
@PortalTest
class RouteAccessMatrixTest {

	static final String TABLE = "access/routes.txt";

	static final String ANONYMOUS = "anonymous";

	/** The columns of the table, in order. */
	static final List<String> READERS = List.of(ANONYMOUS, "admin", "chair", "hod-bw", "delegate-bw", "wgm", "wdc",
			"guest-gga", "hod-ga", "hod-cf", "chair-au");

	/**
	 * Codes with which a service turns a person away for who they are rather than for what they
	 * typed: the form (or the flash message after a redirect) carries them with a 200 or 302.
	 */
	static final Set<String> REFUSALS = Set.of("consensus.position.notEligible", "visit.offer.notActive",
			"candidacy.notActive", "document.body.notYours");

	/** The main pages whose links are checked. */
	static final List<String> MAIN_PAGES = List.of("/", "/documents", "/chairs", "/meetings", "/review-visits",
			"/consensus", "/working-groups");

	static final Map<String, String> DOCUMENTS = Map.of(
			"note", "Information note on the Kimberley Process Certification Scheme",
			"communique", "Kimberley Process Plenary, Dubai, 13\u201317 November 2016: Final Communiqu\u00e9",
			"viceChair", "Administrative Decision on the selection of the Vice-Chair for 2017",
			"valuation", "Decision on a consistent methodology for the valuation of rough diamonds",
			"carPaper", "Monitoring of exports from the compliant zones of the Central African Republic",
			"schedule", "Working Group on Monitoring: draft schedule of review visits for 2017",
			"chairNotes", "Chair's notes on the proposal for a permanent secretariat",
			"draft", "Draft decision on the terms of reference of a permanent secretariat");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	/**
	 * Every route answers every reader as the table says; and a GET asked a second time writes
	 * nothing (a refusal, 403, is written to the audit trail by design).
	 */
	@Test
	void everyRouteAnswersEveryReaderAsTheTableSays() throws Exception {
		Map<String, PathPattern> routes = portalRoutes();
		List<Row> rows = readTable();
		List<String> problems = new ArrayList<>();

		Set<String> covered = new TreeSet<>();
		for (Row row : rows) {
			PathPattern pattern = routes.get(row.route());
			if (pattern == null) {
				problems.add(row.where() + ": " + row.route() + " is not a route of the portal (renamed or removed?)");
				continue;
			}
			covered.add(row.route());
		}
		for (String route : routes.keySet()) {
			if (!covered.contains(route)) {
				problems.add("No expectations for route " + route + ": add a line for it to src/test/resources/" + TABLE
						+ " with the answer for each reader");
			}
		}
		if (!problems.isEmpty()) {
			fail(String.join("\n", problems));
		}

		Map<String, MockHttpSession> sessions = signInEveryone();
		List<String> wrong = new ArrayList<>();
		for (Row row : rows) {
			PathPattern pattern = routes.get(row.route());
			for (String reader : row.order()) {
				String expected = row.cells().get(reader);
				if (expected.equals("skip")) {
					continue;
				}
				String request = resolve(row.request(), reader);
				String path = request.contains("?") ? request.substring(0, request.indexOf('?')) : request;
				if (!pattern.matches(PathContainer.parsePath(path))) {
					wrong.add(row.where() + ": " + request + " does not match " + row.route());
					break;
				}
				MvcResult result = perform(row.method(), request, sessions.get(reader));
				if (!Answer.matches(expected, result)) {
					wrong.add(row.where() + ": " + row.route() + " [" + request + "] " + reader + ": expected "
							+ expected + ", got " + Answer.describe(result));
				}
				if (row.method().equals("GET") && result.getResponse().getStatus() != 403) {
					// Asked again as a browser would, with the session the first answer opened, if any
					// (signed out, the sign-in page opens one for its form's CSRF token).
					MockHttpSession again = (sessions.get(reader) != null) ? sessions.get(reader)
							: (MockHttpSession) result.getRequest().getSession(false);
					SqlStatementCounter.reset();
					perform(row.method(), request, again);
					if (SqlStatementCounter.writes() > 0) {
						// The count is the whole application's: a write by some other thread (an event
						// listener finishing, the session's last use recorded once a minute) may fall
						// into it. A page that writes does so every time it is read, so ask once more.
						SqlStatementCounter.reset();
						perform(row.method(), request, again);
					}
					if (SqlStatementCounter.writes() > 0) {
						wrong.add(row.where() + ": GET " + request + " as " + reader + " wrote to the database"
								+ " when read again");
					}
				}
			}
		}
		if (!wrong.isEmpty()) {
			fail(wrong.size() + " answers differ from " + TABLE + ":\n" + String.join("\n", wrong));
		}
	}

	/**
	 * A link is shown only where its page would open: every link to a portal page on the main
	 * pages, followed by the reader who was shown it, answers neither 403 nor 404.
	 */
	@Test
	void aLinkIsShownOnlyWhereItsPageWouldOpen() throws Exception {
		Map<String, MockHttpSession> sessions = signInEveryone();
		List<String> wrong = new ArrayList<>();
		for (String reader : READERS) {
			MockHttpSession session = sessions.get(reader);
			Map<String, Integer> followed = new LinkedHashMap<>();
			for (String page : MAIN_PAGES) {
				MvcResult shown = perform("GET", page, session);
				if (shown.getResponse().getStatus() != 200) {
					continue;
				}
				for (Element link : Jsoup.parse(shown.getResponse().getContentAsString()).select("a[href]")) {
					String href = portalHref(link.attr("href"));
					if (href == null) {
						continue;
					}
					Integer status = followed.get(href);
					if (status == null) {
						status = perform("GET", href, session).getResponse().getStatus();
						followed.put(href, status);
					}
					if (status == 403 || status == 404) {
						wrong.add(reader + " is shown a link on " + page + " to " + href + ", which answers " + status);
					}
				}
			}
		}
		String chairs = perform("GET", "/chairs", sessions.get("guest-gga")).getResponse().getContentAsString();
		if (!Jsoup.parse(chairs).select("a[href^=/chairs/candidacies]").isEmpty()) {
			wrong.add("guest-gga is shown a link to /chairs/candidacies on /chairs");
		}
		if (!wrong.isEmpty()) {
			fail(String.join("\n", new LinkedHashSet<>(wrong)));
		}
	}

	/**
	 * The team and timeline of a review visit are the business of the Working Group on Monitoring
	 * and the Chair's office: a guest or an applicant reads the register's entry, not who goes.
	 */
	@Test
	void guestsAndApplicantsAreNotShownAReviewVisitsTeamOrTimeline() throws Exception {
		String visit = "/review-visits/" + visit("bw", 2017);
		// Volunteers for Botswana's visit: the World Diamond Council's and the Coalition's representatives.
		String volunteer = "Daniel Rosen";
		String member = perform("GET", visit, SignIn.as(this.mvc, "hod-bw")).getResponse().getContentAsString();
		assertThat(member).as("a member of the Working Group on Monitoring sees the team").contains(volunteer);
		List<String> wrong = new ArrayList<>();
		for (String reader : List.of("guest-gga", "hod-ga")) {
			MvcResult result = perform("GET", visit, SignIn.as(this.mvc, reader));
			String page = result.getResponse().getContentAsString();
			if (result.getResponse().getStatus() == 200 && page.contains(volunteer)) {
				wrong.add(reader + " is shown the team of " + visit);
			}
		}
		if (!wrong.isEmpty()) {
			fail(String.join("\n", wrong));
		}
	}

	// The routes

	/** {@code METHOD pattern} of every handler of the portal's own controllers, with its parsed pattern. */
	private Map<String, PathPattern> portalRoutes() {
		Map<String, PathPattern> routes = new TreeMap<>();
		this.mappings.getHandlerMethods().forEach((RequestMappingInfo info, org.springframework.web.method.HandlerMethod handler) -> {
			if (!handler.getBeanType().getPackageName().startsWith("org.kimberleyprocess.portal")) {
				return;
			}
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
				if (methods.isEmpty()) {
					routes.put("ANY " + pattern.getPatternString(), pattern);
				}
				for (RequestMethod method : methods) {
					routes.put(method.name() + " " + pattern.getPatternString(), pattern);
				}
			}
		});
		assertThat(routes).as("the portal's routes").isNotEmpty();
		return routes;
	}

	// The table

	record Row(int line, String method, String pattern, String request, Map<String, String> cells) {

		String route() {
			return this.method + " " + this.pattern;
		}

		String where() {
			return TABLE + ":" + this.line;
		}

		/**
		 * The readers in the order they are asked: for a POST those who are to be turned away go
		 * first, so each refusal is checked against the object before any allowed reader acts on it.
		 */
		List<String> order() {
			List<String> order = new ArrayList<>(READERS);
			if (this.method.equals("POST")) {
				order.sort(Comparator.comparing((String reader) -> Answer.allows(this.cells.get(reader))));
			}
			return order;
		}

	}

	private static List<Row> readTable() throws IOException {
		List<Row> rows = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(TABLE).getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			int number = 0;
			while ((line = reader.readLine()) != null) {
				number++;
				int comment = line.indexOf(" #");
				String content = (line.startsWith("#") ? "" : (comment >= 0 ? line.substring(0, comment) : line)).strip();
				if (content.isEmpty()) {
					continue;
				}
				String[] fields = content.split("\\s+");
				if (fields.length != 3 + READERS.size()) {
					problems.add(TABLE + ":" + number + ": expected METHOD pattern request and " + READERS.size()
							+ " answers, found " + fields.length + " fields");
					continue;
				}
				Map<String, String> cells = new LinkedHashMap<>();
				for (int i = 0; i < READERS.size(); i++) {
					String cell = fields[3 + i];
					if (!Answer.KNOWN.contains(cell)) {
						problems.add(TABLE + ":" + number + ": unknown answer '" + cell + "' for " + READERS.get(i));
					}
					cells.put(READERS.get(i), cell);
				}
				rows.add(new Row(number, fields[0], fields[1], fields[2], cells));
			}
		}
		if (!problems.isEmpty()) {
			fail(String.join("\n", problems));
		}
		return rows;
	}

	/** The answers a cell may expect. */
	static final class Answer {

		static final Set<String> KNOWN = Set.of("200", "302", "403", "404", "login", "ok", "refused", "skip");

		private Answer() {
		}

		/** Whether the cell lets the reader act (those are asked last). */
		static boolean allows(String cell) {
			return cell.equals("ok") || cell.equals("200") || cell.equals("302");
		}

		static boolean matches(String expected, MvcResult result) {
			int status = result.getResponse().getStatus();
			boolean login = isLoginRedirect(result);
			boolean refusal = refusalCode(result) != null;
			return switch (expected) {
				case "200" -> status == 200 && !refusal;
				case "302" -> status >= 300 && status < 400 && !login && !refusal;
				case "403" -> status == 403;
				case "404" -> status == 404;
				case "login" -> login;
				// Allowed: done, or the form shown again with what to correct, or a state that forbids the step now.
				case "ok" -> (status < 400 || status == 400) && !login && !refusal;
				case "refused" -> status == 403 || (status < 400 && refusal);
				default -> throw new IllegalArgumentException(expected);
			};
		}

		static String describe(MvcResult result) {
			int status = result.getResponse().getStatus();
			StringBuilder answer = new StringBuilder().append(status);
			if (result.getResponse().getRedirectedUrl() != null) {
				answer.append(" to ").append(result.getResponse().getRedirectedUrl());
			}
			String refusal = refusalCode(result);
			if (refusal != null) {
				answer.append(" (refused: ").append(refusal).append(')');
			}
			return answer.toString();
		}

		private static boolean isLoginRedirect(MvcResult result) {
			String location = result.getResponse().getRedirectedUrl();
			int status = result.getResponse().getStatus();
			return status >= 300 && status < 400 && location != null
					&& (location.equals("/login") || location.endsWith("://localhost/login"));
		}

		private static String refusalCode(MvcResult result) {
			FlashMap flashes = result.getFlashMap();
			if (flashes != null && flashes.get("flash") instanceof Flash flash && !flash.success() && REFUSALS.contains(flash.code())) {
				return flash.code();
			}
			ModelAndView view = result.getModelAndView();
			if (view == null) {
				return null;
			}
			for (Object value : view.getModel().values()) {
				if (value instanceof BindingResult binding) {
					for (ObjectError error : binding.getAllErrors()) {
						for (String code : error.getCodes() == null ? new String[0] : error.getCodes()) {
							if (REFUSALS.contains(code)) {
								return code;
							}
						}
					}
				}
			}
			return null;
		}

	}

	// Requests

	private Map<String, MockHttpSession> signInEveryone() throws Exception {
		Map<String, MockHttpSession> sessions = new LinkedHashMap<>();
		for (String reader : READERS) {
			sessions.put(reader, reader.equals(ANONYMOUS) ? null : SignIn.as(this.mvc, reader));
		}
		return sessions;
	}

	/**
	 * Performs {@code path?name=value&...}: the parameters go in the query of a GET and in the
	 * form body of a POST, which carries a CSRF token as a browser's form would.
	 */
	private MvcResult perform(String method, String request, MockHttpSession session) throws Exception {
		int query = request.indexOf('?');
		String path = query < 0 ? request : request.substring(0, query);
		MockHttpServletRequestBuilder builder = method.equals("POST") ? post(URI.create(path)).with(csrf())
				: get(URI.create(path));
		if (query >= 0) {
			for (String parameter : request.substring(query + 1).split("&")) {
				int equals = parameter.indexOf('=');
				builder.param(equals < 0 ? parameter : parameter.substring(0, equals),
						equals < 0 ? "" : parameter.substring(equals + 1));
			}
		}
		if (session != null) {
			builder.session(session);
		}
		return this.mvc.perform(builder).andReturn();
	}

	/** A link to one of the portal's pages, without its fragment; null for assets, sign-out and elsewhere. */
	private static String portalHref(String href) {
		if (href == null || !href.startsWith("/") || href.startsWith("//")) {
			return null;
		}
		int fragment = href.indexOf('#');
		String link = fragment >= 0 ? href.substring(0, fragment) : href;
		if (link.isEmpty() || link.startsWith("/css/") || link.startsWith("/js/") || link.startsWith("/images/")
				|| link.equals("/favicon.ico") || link.startsWith("/logout")) {
			return null;
		}
		return link;
	}

	// Fixtures: concrete values from the demo data, looked up when the line is run

	/** Replaces each {@code <fixture>} in the request by its value for the reader. */
	private String resolve(String request, String reader) {
		StringBuilder resolved = new StringBuilder();
		int at = 0;
		while (true) {
			int open = request.indexOf('<', at);
			if (open < 0) {
				resolved.append(request.substring(at));
				return resolved.toString();
			}
			int close = request.indexOf('>', open);
			resolved.append(request, at, open).append(fixture(request.substring(open + 1, close), reader));
			at = close + 1;
		}
	}

	private String fixture(String name, String reader) {
		int dot = name.indexOf('.');
		String kind = dot < 0 ? name : name.substring(0, dot);
		String key = dot < 0 ? "" : name.substring(dot + 1);
		return switch (kind) {
			case "me" -> reader.equals(ANONYMOUS) ? "-1" : String.valueOf(switch (key) {
				case "id" -> account(reader);
				case "org" -> one("SELECT organisation_id FROM account WHERE username = ?", reader);
				default -> throw new IllegalArgumentException(name);
			});
			case "doc" -> String.valueOf(document(key));
			case "org" -> String.valueOf(one("SELECT id FROM organisation WHERE code = ?", key));
			case "account" -> String.valueOf(account(key));
			case "group" -> key;
			case "slug" -> this.jdbc.queryForObject("SELECT slug FROM communique WHERE slug LIKE ?", String.class,
					"%-" + key);
			case "doc-of-communique" -> String.valueOf(one(
					"SELECT document_id FROM communique WHERE slug LIKE ?", "%-" + key));
			case "round" -> String.valueOf(round(key));
			case "comment" -> String.valueOf(comment(key));
			case "anchor" -> anchor(key);
			case "candidacy" -> String.valueOf(one("SELECT c.id FROM vice_chair_candidacy c JOIN organisation o"
					+ " ON o.id = c.organisation_id WHERE o.code = ? ORDER BY c.year DESC LIMIT 1", key));
			case "visit" -> String.valueOf(visit(key.substring(0, key.indexOf('-')),
					Integer.parseInt(key.substring(key.indexOf('-') + 1))));
			case "meeting" -> String.valueOf(one("SELECT id FROM meeting WHERE title = ?", switch (key) {
				case "plenary" -> "Plenary meeting 2016";
				default -> throw new IllegalArgumentException(name);
			}));
			case "annual-report" -> String.valueOf(one("SELECT r.id FROM annual_report r JOIN organisation o"
					+ " ON o.id = r.organisation_id WHERE o.code = ? AND r.year = ?", key.substring(0, key.indexOf('-')),
					Integer.parseInt(key.substring(key.indexOf('-') + 1))));
			case "registration" -> String.valueOf(registration(key));
			case "notification" -> String.valueOf(othersNotification());
			case "token" -> calendarToken(key);
			default -> throw new IllegalArgumentException("Unknown fixture <" + name + ">");
		};
	}

	private long one(String sql, Object... arguments) {
		List<Long> found = this.jdbc.queryForList(sql, Long.class, arguments);
		assertThat(found).as("demo data for %s %s", sql, List.of(arguments)).isNotEmpty();
		return found.get(0);
	}

	private long account(String username) {
		return one("SELECT id FROM account WHERE username = ?", username);
	}

	private long document(String key) {
		String title = DOCUMENTS.get(key);
		if (title == null) {
			throw new IllegalArgumentException("Unknown document " + key);
		}
		return one("SELECT id FROM document WHERE title = ? ORDER BY id LIMIT 1", title);
	}

	/** {@code communique-meeting}, {@code communique-failed}: a document's rounds by kind, latest first. */
	private long round(String key) {
		String[] parts = key.split("-");
		String kind = parts[1].equals("meeting") ? "MEETING" : "WRITTEN";
		return one("SELECT id FROM consensus_round WHERE document_id = ? AND kind = ? ORDER BY id DESC LIMIT 1",
				document(parts[0]), kind);
	}

	/** {@code communique-by-hod-in}: the first comment of that person on the document. */
	private long comment(String key) {
		String document = key.substring(0, key.indexOf("-by-"));
		String author = key.substring(key.indexOf("-by-") + 4);
		return one("SELECT id FROM document_comment WHERE document_id = ? AND author_id = ? ORDER BY id LIMIT 1",
				document(document), account(author));
	}

	/** The first block of the document's current version. */
	private String anchor(String document) {
		return this.jdbc.queryForObject("""
				SELECT b.anchor FROM document_block b JOIN document_version v ON v.id = b.version_id
				JOIN document d ON d.id = v.document_id AND v.number = d.current_version
				WHERE d.id = ? ORDER BY b.position LIMIT 1""", String.class, document(document));
	}

	private long visit(String host, int year) {
		return one("SELECT v.id FROM review_visit v JOIN organisation o ON o.id = v.host_organisation_id"
				+ " WHERE o.code = ? AND v.preferred_year = ? ORDER BY v.id LIMIT 1", host, year);
	}

	/** The registration of the person for the 2016 Plenary, or 0 if there is none (then nobody finds it). */
	private long registration(String username) {
		List<Long> found = this.jdbc.queryForList("SELECT r.id FROM meeting_registration r JOIN meeting m"
				+ " ON m.id = r.meeting_id WHERE m.title = 'Plenary meeting 2016' AND r.account_id = ?", Long.class,
				account(username));
		return found.isEmpty() ? 0 : found.get(0);
	}

	/** A notification addressed to someone who is none of the readers (0 if there is none yet). */
	private long othersNotification() {
		List<Long> found = this.jdbc.queryForList("SELECT n.id FROM notification n JOIN account a"
				+ " ON a.id = n.account_id WHERE a.username NOT IN (" + String.join(",",
						READERS.stream().map((reader) -> "'" + reader + "'").toList())
				+ ") ORDER BY n.id LIMIT 1", Long.class);
		return found.isEmpty() ? 0 : found.get(0);
	}

	private String calendarToken(String username) {
		List<String> found = this.jdbc.queryForList(
				"SELECT token FROM calendar_token WHERE account_id = ?", String.class, account(username));
		assertThat(found).as("the calendar address of " + username + " (issued by the line above)").isNotEmpty();
		return found.get(0);
	}

}
