package org.kimberleyprocess.portal.notifications;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.kimberleyprocess.portal.PortalTest;
import org.kimberleyprocess.portal.SignIn;
import org.kimberleyprocess.portal.TestMailServer;
import org.kimberleyprocess.portal.documents.Confidentiality;
import org.kimberleyprocess.portal.shared.PortalClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Plants a canary (a unique word) in documents at every confidentiality level, lets it flow
 * through every channel the portal has (pages, search, calendar feeds, the inbox, immediate
 * email, the daily digest, deadline reminders, CSV exports, the Atom feed and the PDFs), and
 * then checks, for each kind of reader, that a canary they may not read shows up nowhere, and
 * that the ones they may read do show up where they should.
 */
@PortalTest
class CanaryConfidentialityTest {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

	private static final Set<Confidentiality> ALL = EnumSet.allOf(Confidentiality.class);

	/**
	 * Who may open what. Applicants and guests read only what is public (or shared with them);
	 * Participants (active or suspended) read Plenary and Participants-only papers; Observers
	 * Plenary ones; working-group papers go to the group's members and chair; Chair's-office-only
	 * papers to the Chair's office in its term, and the 2017 Chair's office reads in 2016 like an
	 * ordinary member of its delegation.
	 */
	private static final Map<String, Set<Confidentiality>> MAY_READ = new LinkedHashMap<>();

	static {
		MAY_READ.put("hod-bw", EnumSet.of(Confidentiality.PUBLIC, Confidentiality.PLENARY, Confidentiality.PARTICIPANTS,
				Confidentiality.WORKING_GROUP));
		// The World Diamond Council sits in the Working Group on Monitoring (standing: observer).
		MAY_READ.put("wdc", EnumSet.of(Confidentiality.PUBLIC, Confidentiality.PLENARY, Confidentiality.WORKING_GROUP));
		MAY_READ.put("guest-gga", EnumSet.of(Confidentiality.PUBLIC));
		MAY_READ.put("hod-ga", EnumSet.of(Confidentiality.PUBLIC));
		// The Central African Republic is suspended, and not a member of the Working Group on Monitoring.
		MAY_READ.put("hod-cf", EnumSet.of(Confidentiality.PUBLIC, Confidentiality.PLENARY, Confidentiality.PARTICIPANTS));
		// Australia is a member of the Working Group on Monitoring.
		MAY_READ.put("chair-au", EnumSet.of(Confidentiality.PUBLIC, Confidentiality.PLENARY,
				Confidentiality.PARTICIPANTS, Confidentiality.WORKING_GROUP));
		MAY_READ.put("chair", EnumSet.allOf(Confidentiality.class));
		// The secretariat's administrators read Plenary papers, and the audit trail, which names no title.
		MAY_READ.put("admin", EnumSet.of(Confidentiality.PUBLIC, Confidentiality.PLENARY));
		MAY_READ.put("wgm", EnumSet.of(Confidentiality.PUBLIC, Confidentiality.PLENARY, Confidentiality.PARTICIPANTS,
				Confidentiality.WORKING_GROUP));
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Mailer mailer;

	@Autowired
	Digests digests;

	@Autowired
	Reminders reminders;

	@Autowired
	PortalClock clock;

	/** What is looked for: one canary per level in the documents, one in a working group's meeting title. */
	private record Canary(String label, Confidentiality level, String word, boolean document) {

		/** A prefix of the word: search finds the canary by it, and the query echoed on the page is not the canary. */
		String query() {
			return this.word.substring(0, this.word.length() - 3);
		}

	}

	private final Map<Confidentiality, String> canaries = new EnumMap<>(Confidentiality.class);

	private final List<Canary> planted = new ArrayList<>();

	private String meetingCanary;

	private final Map<Confidentiality, Long> mainDocuments = new EnumMap<>(Confidentiality.class);

	private final Map<Confidentiality, Long> annexDocuments = new EnumMap<>(Confidentiality.class);

	private final Map<Confidentiality, Long> writtenRounds = new EnumMap<>(Confidentiality.class);

	private final Map<Confidentiality, Long> meetingRounds = new EnumMap<>(Confidentiality.class);

	private final Map<String, MockHttpSession> sessions = new LinkedHashMap<>();

	private final Set<String> violations = new LinkedHashSet<>();

	private final Set<String> missing = new LinkedHashSet<>();

	private long plenaryMeeting;

	private long groupMeeting;

	@Test
	void aDocumentIsFoundOnlyByThoseWhoMayReadItOnEveryChannel() throws Exception {
		String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		for (Confidentiality level : Confidentiality.values()) {
			// One word, so that search finds it and no page splits it.
			this.canaries.put(level, "Canary" + level.name().replace("_", "") + run);
			this.planted.add(new Canary(level.name(), level, this.canaries.get(level), true));
		}
		this.meetingCanary = "CanaryGROUPMEETING" + run;
		this.planted.add(new Canary("WORKING_GROUP (title of a meeting of the Working Group on Monitoring)",
				Confidentiality.WORKING_GROUP, this.meetingCanary, false));
		for (String reader : MAY_READ.keySet()) {
			this.sessions.put(reader, SignIn.as(this.mvc, reader));
		}
		MockHttpSession chair = this.sessions.get("chair");
		MockHttpSession wgm = this.sessions.get("wgm");
		MockHttpSession india = SignIn.as(this.mvc, "hod-in");
		long monitoring = this.jdbc.queryForObject("SELECT id FROM working_group WHERE code = 'wgm'", Long.class);
		Map<String, Map<String, String>> preferencesBefore = new LinkedHashMap<>();
		for (String reader : MAY_READ.keySet()) {
			preferencesBefore.put(reader, preferences(reader));
		}
		Map<String, String> addresses = new LinkedHashMap<>();
		for (String reader : MAY_READ.keySet()) {
			addresses.put(reader,
					this.jdbc.queryForObject("SELECT email FROM account WHERE username = ?", String.class, reader));
		}
		Set<String> mailBefore = delivered();
		Map<String, List<MimeMessage>> immediateMail = new LinkedHashMap<>();
		Map<String, List<MimeMessage>> reminderMail = new LinkedHashMap<>();
		Map<String, List<MimeMessage>> digestMail = new LinkedHashMap<>();

		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		// The digest runs just after the next midnight; the deadline falls twelve hours later, so
		// that the 48-hour reminder is due as the rounds open and the 24-hour one the evening before.
		LocalDateTime digestAt = (now.atZone(ZoneOffset.UTC).getHour() < 12 ? today.plusDays(1) : today.plusDays(2))
			.atTime(0, 5);
		LocalDateTime deadline = digestAt.plusHours(12).truncatedTo(ChronoUnit.MINUTES);
		Instant lastDay = deadline.minusHours(13).toInstant(ZoneOffset.UTC);
		try {
			// Phase 1, today: every reader wants email at once for every kind of notification.
			for (String reader : MAY_READ.keySet()) {
				choose(reader, "IMMEDIATE");
			}
			for (Confidentiality level : Confidentiality.values()) {
				MockHttpSession owner = ownerOf(level);
				long id = create(owner, level, monitoring, this.canaries.get(level) + ": draft decision on monitoring",
						"# Draft decision " + this.canaries.get(level) + "\n\n1. Decides on " + this.canaries.get(level)
								+ ".\n");
				this.mainDocuments.put(level, id);
				ok(this.mvc.perform(post("/documents/{id}/circulate", id).session(owner).with(csrf())).andReturn()
					.getResponse(), "circulate");
				comment(chair, id, "Note of the Chair on " + this.canaries.get(level) + ".", null);
			}
			commentsAndReplies(this.mainDocuments);
			for (Confidentiality level : Confidentiality.values()) {
				long id = this.mainDocuments.get(level);
				ok(this.mvc.perform(post("/documents/{id}/consensus/rounds", id).session(ownerOf(level))
					.with(csrf())
					.param("kind", "WRITTEN")
					.param("deadline", LOCAL.format(deadline))
					.param("zone", "UTC")).andReturn().getResponse(), "open written procedure");
				this.writtenRounds.put(level, latestRound(id));
				if (level != Confidentiality.CHAIRS_OFFICE) {
					// India abstains with a reason that names the canary (Botswana stays silent, to be reminded).
					ok(this.mvc.perform(post("/documents/{id}/consensus/rounds/{round}/positions", id,
							this.writtenRounds.get(level))
						.session(india)
						.with(csrf())
						.param("participant", String.valueOf(organisation("in")))
						.param("position", "ABSTAIN")
						.param("reason", "India abstains on " + this.canaries.get(level) + "."))
						.andReturn()
						.getResponse(), "record position");
				}
			}
			this.plenaryMeeting = meeting(chair, "PLENARY", "Canary check session " + run, null, organisation("ae"),
					today.plusDays(40));
			this.groupMeeting = meeting(wgm, "WORKING_GROUP",
					"Closed session on " + this.meetingCanary, monitoring, null,
					today.plusDays(41));
			for (Confidentiality level : Confidentiality.values()) {
				long meeting = (level == Confidentiality.WORKING_GROUP) ? this.groupMeeting : this.plenaryMeeting;
				ok(this.mvc.perform(post("/meetings/{id}/items", meeting).session(chair)
					.with(csrf())
					.param("title", "Item " + (level.ordinal() + 1))
					.param("document", String.valueOf(this.mainDocuments.get(level)))).andReturn().getResponse(),
						"add agenda item");
			}
			awaitListeners();
			this.mailer.deliverDue();
			collect(mailBefore, addresses, immediateMail);
			Set<String> beforeReminders = delivered();
			this.reminders.remind();
			this.mailer.deliverDue();
			collect(beforeReminders, addresses, reminderMail);

			// Phase 2, the evening before the deadline: everything goes to the daily digest.
			for (String reader : MAY_READ.keySet()) {
				choose(reader, "DIGEST");
			}
			this.clock.travelTo(lastDay);
			// A day or so later everyone signs in again: a privileged role's session lasts twelve hours.
			for (String reader : MAY_READ.keySet()) {
				this.sessions.put(reader, SignIn.as(this.mvc, reader));
			}
			chair = this.sessions.get("chair");
			for (Confidentiality level : Confidentiality.values()) {
				MockHttpSession owner = ownerOf(level);
				long id = create(owner, level, monitoring, this.canaries.get(level) + ": annex on monitoring",
						"# Annex " + this.canaries.get(level) + "\n\n1. Annex on " + this.canaries.get(level) + ".\n");
				this.annexDocuments.put(level, id);
				ok(this.mvc.perform(post("/documents/{id}/circulate", id).session(owner).with(csrf())).andReturn()
					.getResponse(), "circulate");
			}
			commentsAndReplies(this.annexDocuments);
			for (Confidentiality level : Confidentiality.values()) {
				long id = this.annexDocuments.get(level);
				ok(this.mvc.perform(post("/documents/{id}/consensus/rounds", id).session(ownerOf(level))
					.with(csrf())
					.param("kind", "MEETING")).andReturn().getResponse(), "open meeting round");
				long round = latestRound(id);
				this.meetingRounds.put(level, round);
				// The Chair's office records India's position at the meeting.
				ok(this.mvc.perform(post("/documents/{id}/consensus/rounds/{round}/positions", id, round).session(chair)
					.with(csrf())
					.param("participant", String.valueOf(organisation("in")))
					.param("position", "ABSTAIN")
					.param("reason", "At the meeting India abstains on " + this.canaries.get(level) + "."))
					.andReturn()
					.getResponse(), "record position on behalf");
				ok(this.mvc.perform(post("/documents/{id}/consensus/rounds/{round}/close", id, round)
					.session(ownerOf(level))
					.with(csrf())).andReturn().getResponse(), "close meeting round");
			}
			awaitListeners();
			this.reminders.remind();
			this.clock.travelTo(digestAt.toInstant(ZoneOffset.UTC));
			Set<String> beforeDigest = delivered();
			this.mailer.deliverDue();
			this.digests.send();
			this.mailer.deliverDue();
			collect(beforeDigest, addresses, digestMail);
		}
		finally {
			this.clock.travelTo(now);
		}
		try {
			for (String reader : MAY_READ.keySet()) {
				check(reader, immediateMail, reminderMail, digestMail);
			}
		}
		finally {
			for (Confidentiality level : this.writtenRounds.keySet()) {
				this.mvc.perform(post("/documents/{id}/consensus/rounds/{round}/withdraw", this.mainDocuments.get(level),
						this.writtenRounds.get(level))
					.session(ownerOf(level))
					.with(csrf()));
			}
			for (Map.Entry<String, Map<String, String>> before : preferencesBefore.entrySet()) {
				var request = post("/notifications/settings").session(this.sessions.get(before.getKey())).with(csrf());
				before.getValue().forEach(request::param);
				this.mvc.perform(request);
			}
		}
		List<String> problems = new ArrayList<>(this.violations);
		this.missing.forEach((gap) -> problems.add("MISSING (positive control) " + gap));
		assertThat(problems).as("canaries where they must not be, and missing where they must be:%n%s",
				String.join(System.lineSeparator(), problems)).isEmpty();
	}

	// The checks, reader by reader and channel by channel

	private void check(String reader, Map<String, List<MimeMessage>> immediateMail,
			Map<String, List<MimeMessage>> reminderMail, Map<String, List<MimeMessage>> digestMail) throws Exception {
		MockHttpSession session = this.sessions.get(reader);
		Set<Confidentiality> allowed = MAY_READ.get(reader);

		page(reader, "front page", session, "/");
		page(reader, "home page", session, "/home");
		page(reader, "document list", session, "/documents");
		page(reader, "participants", session, "/participants");
		page(reader, "chair rotation", session, "/chairs");
		page(reader, "review visits", session, "/review-visits");
		for (Canary canary : this.planted) {
			page(reader, "search", session, "/search?q=" + canary.query());
		}
		for (Confidentiality level : Confidentiality.values()) {
			String query = this.planted.get(level.ordinal()).query();
			expect(reader, "document list search", level,
					page(reader, "document list search", session, "/documents?q=" + query));
			expect(reader, "search", level, page(reader, "search", session, "/search?q=" + query));
			for (long id : List.of(this.mainDocuments.get(level), this.annexDocuments.get(level))) {
				expect(reader, "document page", level, page(reader, "document page", session, "/documents/" + id));
				page(reader, "version page", session, "/documents/" + id + "/versions/1");
				page(reader, "document's consensus page", session, "/documents/" + id + "/consensus");
			}
			page(reader, "adoption record", session, "/documents/" + this.annexDocuments.get(level) + "/adoption");
			Set<Confidentiality> inCsv = page(reader, "positions CSV", session, "/documents/"
					+ this.mainDocuments.get(level) + "/consensus/rounds/" + this.writtenRounds.get(level) + "/positions.csv");
			inCsv.addAll(page(reader, "positions CSV", session, "/documents/" + this.annexDocuments.get(level)
					+ "/consensus/rounds/" + this.meetingRounds.get(level) + "/positions.csv"));
			if (reader.equals("chair")) {
				expect(reader, "positions CSV", level, inCsv);
			}
		}
		Set<Confidentiality> open = page(reader, "open rounds (/consensus)", session, "/consensus");
		for (Confidentiality level : allowed) {
			expect(reader, "open rounds (/consensus)", level, open);
		}
		page(reader, "working groups", session, "/working-groups");
		page(reader, "working-group page", session, "/working-groups/wgm");
		page(reader, "meetings list", session, "/meetings");
		Set<Confidentiality> agenda = page(reader, "meeting page", session, "/meetings/" + this.plenaryMeeting);
		agenda.addAll(page(reader, "meeting page", session, "/meetings/" + this.groupMeeting));
		if (reader.equals("chair")) {
			for (Confidentiality level : ALL) {
				expect(reader, "meeting page", level, agenda);
			}
		}
		page(reader, "audit page", session, "/audit");
		// The trail names each new document by its id, never by its title, so no reader finds a canary there.
		page(reader, "audit CSV", session,
				"/audit.csv?from=" + LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC));

		// Communiqués: list, feed and every PDF.
		String communiques = text(this.mvc.perform(get("/communiques").session(session)).andReturn().getResponse());
		scan(reader, "communiqués", communiques);
		String feed = text(this.mvc.perform(get("/communiques/feed.atom").session(session)).andReturn().getResponse());
		scan(reader, "Atom feed", feed);
		Set<String> pdfs = new LinkedHashSet<>();
		Matcher links = Pattern.compile("(/communiques/\\d{4}-[a-z0-9-]+(?:/revisions/\\d+)?)").matcher(feed + communiques);
		while (links.find()) {
			pdfs.add(links.group(1) + ".pdf");
		}
		for (String pdf : pdfs) {
			MockHttpServletResponse response = this.mvc.perform(get(pdf).session(session)).andReturn().getResponse();
			if (response.getStatus() == 200) {
				try (PDDocument document = Loader.loadPDF(response.getContentAsByteArray())) {
					scan(reader, "PDF " + pdf, new PDFTextStripper().getText(document));
				}
			}
			else {
				scan(reader, "PDF " + pdf, text(response));
			}
		}

		// The personal calendar feed.
		Set<Confidentiality> calendar = calendar(reader, session);
		for (Confidentiality level : allowed) {
			expect(reader, "calendar feed (deadline)", level, calendar);
		}

		// The inbox, every page, and its reminders.
		Set<Confidentiality> inbox = inbox(reader, session, null, "inbox");
		Set<Confidentiality> reminded = inbox(reader, session, "DEADLINE_REMINDER", "inbox (deadline reminders)");
		boolean silentHead = reader.equals("hod-bw");
		if (reader.equals("chair") || silentHead) {
			for (Confidentiality level : allowed) {
				expect(reader, "inbox", level, inbox);
			}
		}

		// Email: at once, the reminders, and the digest.
		Set<Confidentiality> immediate = mail(reader, "delivered after the events", immediateMail.get(reader));
		Set<Confidentiality> reminderEmails = mail(reader, "delivered after the 48-hour reminders",
				reminderMail.get(reader));
		Set<Confidentiality> digest = mail(reader, "delivered after the digest, with the 24-hour reminders",
				digestMail.get(reader));
		if (reader.equals("chair") || silentHead) {
			for (Confidentiality level : allowed) {
				expect(reader, "email (immediate)", level, immediate);
				expect(reader, "email (daily digest)", level, digest);
			}
		}
		if (silentHead) {
			for (Confidentiality level : allowed) {
				expect(reader, "inbox (deadline reminders)", level, reminded);
				expect(reader, "email (48-hour reminder)", level, reminderEmails);
			}
		}
	}

	/** Fetches a page (whatever its status) and looks for every canary in it; answers the ones found. */
	private Set<Confidentiality> page(String reader, String channel, MockHttpSession session, String url)
			throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(url).session(session)).andReturn().getResponse();
		return scan(reader, channel + " " + url + " [" + response.getStatus() + "]", text(response));
	}

	private Set<Confidentiality> calendar(String reader, MockHttpSession session) throws Exception {
		String settings = text(this.mvc.perform(get("/calendar").session(session)).andReturn().getResponse());
		scan(reader, "calendar page", settings);
		Element feed = Jsoup.parse(settings).selectFirst("#feed");
		if (feed == null) {
			this.mvc.perform(post("/calendar").session(session).with(csrf()));
			settings = text(this.mvc.perform(get("/calendar").session(session)).andReturn().getResponse());
			feed = Jsoup.parse(settings).selectFirst("#feed");
		}
		if (feed == null) {
			this.missing.add(reader + " | calendar | no feed address at /calendar");
			return EnumSet.noneOf(Confidentiality.class);
		}
		String address = feed.attr("value");
		MockHttpServletResponse response = this.mvc.perform(get(address.substring(address.indexOf("/calendar/"))))
			.andReturn()
			.getResponse();
		// Long lines of iCalendar are folded; unfold them before looking.
		String ics = text(response).replace("\r\n ", "").replace("\r\n\t", "").replace("\n ", "");
		return scan(reader, "calendar feed (.ics)", ics);
	}

	private Set<Confidentiality> inbox(String reader, MockHttpSession session, String type, String channel)
			throws Exception {
		Set<Confidentiality> found = EnumSet.noneOf(Confidentiality.class);
		for (int page = 0; page < 40; page++) {
			MockHttpServletRequestBuilder request = get("/notifications").session(session)
				.param("page", String.valueOf(page));
			if (type != null) {
				request = request.param("type", type);
			}
			String body = text(this.mvc.perform(request).andReturn().getResponse());
			found.addAll(scan(reader, channel + " page " + page, body));
			if (Jsoup.parse(body).selectFirst("a[rel=next]") == null) {
				break;
			}
		}
		return found;
	}

	private Set<Confidentiality> mail(String reader, String channel, List<MimeMessage> messages) throws Exception {
		Set<Confidentiality> found = EnumSet.noneOf(Confidentiality.class);
		for (MimeMessage message : (messages == null) ? List.<MimeMessage>of() : messages) {
			String subject = message.getSubject();
			String kind = subject.contains("notifications of the day") || subject.contains("notifications du jour")
					? "daily digest" : subject.contains("Reminder:") || subject.contains("Rappel :") ? "deadline reminder"
							: "sent at once";
			String label = "email (" + kind + ", " + channel + ")";
			found.addAll(scan(reader, label + " subject “" + subject + "”", subject));
			found.addAll(scan(reader, label + " body of “" + subject + "”", body(message)));
		}
		return found;
	}

	/** Records every canary the reader may not read as a violation; answers the canaries found. */
	private Set<Confidentiality> scan(String reader, String channel, String content) {
		Set<Confidentiality> found = EnumSet.noneOf(Confidentiality.class);
		String visible = content.contains("<") ? Jsoup.parse(content).text() : content;
		for (Canary canary : this.planted) {
			if (content.contains(canary.word()) || visible.contains(canary.word())) {
				if (canary.document()) {
					found.add(canary.level());
				}
				if (!MAY_READ.get(reader).contains(canary.level())) {
					this.violations.add(reader + " | " + channel + " | " + canary.label());
				}
			}
		}
		return found;
	}

	private void expect(String reader, String channel, Confidentiality level, Set<Confidentiality> found) {
		if (MAY_READ.get(reader).contains(level) && !found.contains(level)) {
			this.missing.add(reader + " | " + channel + " | " + level);
		}
	}

	// Planting

	private MockHttpSession ownerOf(Confidentiality level) {
		return this.sessions.get(level == Confidentiality.WORKING_GROUP ? "wgm" : "chair");
	}

	private long create(MockHttpSession owner, Confidentiality level, long monitoring, String title, String text)
			throws Exception {
		MockHttpServletResponse response = this.mvc.perform(post("/documents").session(owner)
			.with(csrf())
			.param("title", title)
			.param("type", "DECISION")
			.param("body", level == Confidentiality.WORKING_GROUP ? String.valueOf(monitoring) : "PLENARY")
			.param("year", String.valueOf(LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).getYear()))
			.param("confidentiality", level.name())
			.param("text", text)).andReturn().getResponse();
		String location = response.getRedirectedUrl();
		assertThat(location).as("creating the %s document: %s", level, response.getContentAsString())
			.matches("/documents/\\d+");
		return Long.parseLong(location.substring("/documents/".length()));
	}

	/**
	 * Every reader comments (those who may not read the document must be refused); the owning
	 * body's chair (or, on its own comments, the other chair) replies, naming the canary.
	 */
	private void commentsAndReplies(Map<Confidentiality, Long> documents) throws Exception {
		for (Confidentiality level : Confidentiality.values()) {
			long id = documents.get(level);
			for (String reader : MAY_READ.keySet()) {
				boolean allowed = MAY_READ.get(reader).contains(level);
				MockHttpServletResponse response = this.mvc
					.perform(post("/documents/{id}/comments", id).session(this.sessions.get(reader))
						.with(csrf())
						.param("text", "A question from " + reader + "."))
					.andReturn()
					.getResponse();
				boolean posted = response.getRedirectedUrl() != null
						&& response.getRedirectedUrl().startsWith("/documents/" + id + "?on=")
						&& response.getRedirectedUrl().contains("#comment-");
				if (!allowed) {
					if (posted) {
						this.violations.add(reader + " | comment form (posting a comment) | " + level);
					}
					continue;
				}
				if (!posted) {
					this.missing.add(reader + " | comment form (posting a comment) | " + level);
					continue;
				}
				long comment = Long.parseLong(response.getRedirectedUrl().replaceFirst(".*#comment-", ""));
				String replier = reader.equals(level == Confidentiality.WORKING_GROUP ? "wgm" : "chair")
						? (level == Confidentiality.WORKING_GROUP ? "chair" : "wgm")
						: (level == Confidentiality.WORKING_GROUP ? "wgm" : "chair");
				if (MAY_READ.get(replier).contains(level)) {
					comment(this.sessions.get(replier), id, "A reply on " + this.canaries.get(level) + ".", comment);
				}
			}
		}
	}

	private void comment(MockHttpSession session, long document, String text, Long parent) throws Exception {
		var request = post("/documents/{id}/comments", document).session(session).with(csrf()).param("text", text);
		if (parent != null) {
			request = request.param("parentId", String.valueOf(parent));
		}
		ok(this.mvc.perform(request).andReturn().getResponse(), "comment");
	}

	private long meeting(MockHttpSession session, String kind, String title, Long group, Long host, LocalDate start)
			throws Exception {
		var request = post("/meetings").session(session)
			.with(csrf())
			.param("kind", kind)
			.param("title", title)
			.param("place", "Dubai")
			.param("start", start.toString())
			.param("end", start.plusDays(1).toString());
		if (group != null) {
			request = request.param("group", String.valueOf(group));
		}
		if (host != null) {
			request = request.param("host", String.valueOf(host));
		}
		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
		String location = response.getRedirectedUrl();
		assertThat(location).as("creating the meeting %s", title).matches("/meetings/\\d+");
		return Long.parseLong(location.substring("/meetings/".length()));
	}

	private static void ok(MockHttpServletResponse response, String what) {
		assertThat(response.getStatus()).as("%s answered %s (%s)", what, response.getStatus(),
				response.getRedirectedUrl()).isEqualTo(302);
	}

	private long latestRound(long document) {
		return this.jdbc.queryForObject("SELECT MAX(id) FROM consensus_round WHERE document_id = ?", Long.class,
				document);
	}

	private long organisation(String code) {
		return this.jdbc.queryForObject("SELECT id FROM organisation WHERE code = ?", Long.class, code);
	}

	/** The reader's delivery for every kind, as the settings page shows it. */
	private Map<String, String> preferences(String reader) throws Exception {
		String page = text(this.mvc.perform(get("/notifications/settings").session(this.sessions.get(reader)))
			.andReturn()
			.getResponse());
		Map<String, String> chosen = new LinkedHashMap<>();
		for (NotificationType type : NotificationType.values()) {
			Element checked = Jsoup.parse(page).selectFirst("input[name=" + type.name() + "][checked]");
			chosen.put(type.name(), checked == null ? type.byDefault().name() : checked.attr("value"));
		}
		return chosen;
	}

	private void choose(String reader, String delivery) throws Exception {
		var request = post("/notifications/settings").session(this.sessions.get(reader)).with(csrf());
		for (NotificationType type : NotificationType.values()) {
			request = request.param(type.name(), delivery);
		}
		ok(this.mvc.perform(request).andReturn().getResponse(), "notification settings");
		assertThat(preferences(reader).values()).as("%s's settings", reader).containsOnly(delivery);
	}

	/** Waits until every listener has handled what was announced about the planted documents and meetings. */
	private void awaitListeners() {
		Set<Long> documents = new LinkedHashSet<>(this.mainDocuments.values());
		documents.addAll(this.annexDocuments.values());
		String pattern = "\"documentId\":(" + documents.stream().map(String::valueOf).collect(Collectors.joining("|"))
				+ ")[,}]";
		String meetings = "\"meetingId\":(" + this.plenaryMeeting + "|" + this.groupMeeting + ")[,}]";
		await().atMost(WAIT)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> this.jdbc.queryForObject("""
					SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL
					AND (SERIALIZED_EVENT REGEXP ? OR SERIALIZED_EVENT REGEXP ?)""", Integer.class, pattern,
					meetings) == 0);
	}

	/** The identifiers of every message the mail server holds (its list is not in the order received). */
	private static Set<String> delivered() throws Exception {
		Set<String> ids = new LinkedHashSet<>();
		for (MimeMessage message : TestMailServer.server().getReceivedMessages()) {
			ids.add(idOf(message));
		}
		return ids;
	}

	private static String idOf(MimeMessage message) throws Exception {
		String id = message.getMessageID();
		return (id != null) ? id : message.getSubject() + "|" + message.getSentDate() + "|"
				+ Arrays.toString(message.getRecipients(Message.RecipientType.TO));
	}

	/** Hands each reader the messages delivered to them since the snapshot. */
	private static void collect(Set<String> before, Map<String, String> addresses, Map<String, List<MimeMessage>> into)
			throws Exception {
		for (MimeMessage message : TestMailServer.server().getReceivedMessages()) {
			if (before.contains(idOf(message))) {
				continue;
			}
			Address[] to = message.getRecipients(Message.RecipientType.TO);
			for (Map.Entry<String, String> reader : addresses.entrySet()) {
				if (to != null && Arrays.stream(to).anyMatch((address) -> address.toString().contains(reader.getValue()))) {
					into.computeIfAbsent(reader.getKey(), (key) -> new ArrayList<>()).add(message);
				}
			}
		}
	}

	private static String text(MockHttpServletResponse response) throws Exception {
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	/** Every text part of a message (plain and HTML), decoded. */
	private static String body(Part part) throws Exception {
		if (part.isMimeType("text/*")) {
			return String.valueOf(part.getContent());
		}
		if (part.getContent() instanceof Multipart multipart) {
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < multipart.getCount(); i++) {
				text.append(body(multipart.getBodyPart(i))).append('\n');
			}
			return text.toString();
		}
		return "";
	}

}
