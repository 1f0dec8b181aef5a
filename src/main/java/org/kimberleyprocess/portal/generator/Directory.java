package org.kimberleyprocess.portal.generator;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The organisations, working groups and accounts as the demo directory left them, plus the
 * alternates, delegates, Observers' representatives, guests and past Chairs' offices that a real
 * directory of this size holds. Every new account shares one bcrypt hash of the demo password.
 */
final class Directory {

	static final Set<String> FRANCOPHONE = Set.of("cm", "ci", "cd", "ga", "gn", "lb", "ml", "mu", "cg", "tg", "cf",
			"kp-csc", "ocdd", "marc", "kpfc-berberati", "afcadd");

	record Organisation(long id, String code, String kind, String nameEn, String nameFr, String participantStatus,
			String observerCategory) {

		boolean isParticipant() {
			return "PARTICIPANT".equals(this.kind);
		}

	}

	record Person(long id, String username, String fullName, Organisation organisation, Set<String> roles,
			String language) {

		boolean has(String role) {
			return this.roles.contains(role);
		}

	}

	record Group(long id, String code, String nameEn, Map<Long, String> standings, Long chairAccountId) {

		boolean hasMember(long organisationId) {
			return this.standings.containsKey(organisationId);
		}

	}

	final Map<Long, Organisation> organisations = new LinkedHashMap<>();

	/** Participants in the order of their English names as the database collates them. */
	final List<Organisation> participantsByName = new ArrayList<>();

	final Map<String, Organisation> byCode = new HashMap<>();

	final List<Person> people = new ArrayList<>();

	final Map<String, Person> byUsername = new HashMap<>();

	final Map<Long, Group> groups = new LinkedHashMap<>();

	final Map<String, Group> groupsByCode = new HashMap<>();

	private final JdbcTemplate jdbc;

	Directory(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		jdbc.query("SELECT id, code, kind, name_en, name_fr, participant_status, observer_category FROM organisation"
				+ " ORDER BY name_en", (RowCallbackHandler) (row) -> {
					Organisation organisation = new Organisation(row.getLong(1), row.getString(2), row.getString(3),
							row.getString(4), row.getString(5), row.getString(6), row.getString(7));
					this.organisations.put(organisation.id(), organisation);
					this.byCode.put(organisation.code(), organisation);
					if (organisation.isParticipant()) {
						this.participantsByName.add(organisation);
					}
				});
		Map<Long, Set<String>> roles = new HashMap<>();
		jdbc.query("SELECT account_id, role FROM account_role",
				(RowCallbackHandler) (row) -> roles.computeIfAbsent(row.getLong(1), (id) -> new TreeSet<>()).add(row.getString(2)));
		jdbc.query("SELECT id, username, full_name, organisation_id, preferred_language FROM account ORDER BY id",
				(RowCallbackHandler) (row) -> add(new Person(row.getLong(1), row.getString(2), row.getString(3),
						this.organisations.get(row.getLong(4)), roles.getOrDefault(row.getLong(1), Set.of()),
						row.getString(5))));
		Map<Long, Map<Long, String>> standings = new HashMap<>();
		jdbc.query("SELECT working_group_id, organisation_id, standing FROM working_group_member ORDER BY id",
				(RowCallbackHandler) (row) -> standings.computeIfAbsent(row.getLong(1), (id) -> new LinkedHashMap<>())
					.put(row.getLong(2), row.getString(3)));
		jdbc.query("SELECT id, code, name_en, chair_account_id FROM working_group ORDER BY id", (RowCallbackHandler) (row) -> {
			Group group = new Group(row.getLong(1), row.getString(2), row.getString(3),
					standings.getOrDefault(row.getLong(1), Map.of()), (Long) row.getObject(4, Long.class));
			this.groups.put(group.id(), group);
			this.groupsByCode.put(group.code(), group);
		});
	}

	private void add(Person person) {
		this.people.add(person);
		this.byUsername.put(person.username(), person);
	}

	Organisation organisation(String code) {
		return this.byCode.get(code);
	}

	Person person(String username) {
		return this.byUsername.get(username);
	}

	List<Person> of(Organisation organisation) {
		return this.people.stream().filter((p) -> p.organisation().id() == organisation.id()).toList();
	}

	Person head(Organisation organisation) {
		return of(organisation).stream().filter((p) -> p.has("HEAD_OF_DELEGATION")).findFirst().orElse(null);
	}

	/** Those who speak for a delegation: its head and alternates. */
	List<Person> representatives(Organisation organisation) {
		return of(organisation).stream()
			.filter((p) -> p.has("HEAD_OF_DELEGATION") || p.has("ALTERNATE"))
			.toList();
	}

	/** Members of a delegation or an Observer who may write in the discussion. */
	List<Person> members(Organisation organisation) {
		return of(organisation).stream()
			.filter((p) -> p.has("HEAD_OF_DELEGATION") || p.has("ALTERNATE") || p.has("DELEGATE")
					|| p.has("OBSERVER_REPRESENTATIVE") || p.has("GUEST"))
			.toList();
	}

	/** The Chair's office of a Participant, whose rights hold in its year only. */
	Person chairsOffice(Organisation organisation) {
		return of(organisation).stream().filter((p) -> p.has("CHAIRS_OFFICE")).findFirst().orElse(null);
	}

	/** Participants that take decisions at the given moment: applicants never, the suspended not while suspended. */
	boolean decides(Organisation organisation, Instant at) {
		if (!organisation.isParticipant() || "APPLICANT".equals(organisation.participantStatus())) {
			return false;
		}
		if ("cf".equals(organisation.code())) {
			return at.isBefore(Instant.parse("2013-05-23T00:00:00Z"));
		}
		return !"SUSPENDED".equals(organisation.participantStatus())
				&& !"SELF_SUSPENDED".equals(organisation.participantStatus());
	}

	/**
	 * Adds accounts until the directory holds {@code total}: the Chair's offices of past Chairs
	 * (always, as their years' texts need them), an alternate for every Participant, a guest account for each guest organisation, more
	 * representatives for the Observers, then delegates in turn, each with its audit entry.
	 */
	void grow(int total, Set<String> pastChairs, String passwordHash, Random random, Texts texts, Trail trail,
			Instant from) {
		List<Object[]> accounts = new ArrayList<>();
		List<Object[]> roles = new ArrayList<>();
		long nextId = this.jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) + 1 FROM account", Long.class);
		Person admin = person("admin");
		List<String[]> wanted = new ArrayList<>();
		for (String code : pastChairs) {
			if (chairsOffice(organisation(code)) == null) {
				wanted.add(new String[] { "chair-" + code, code, "CHAIRS_OFFICE" });
			}
		}
		int required = wanted.size();
		for (Organisation participant : this.participantsByName) {
			String username = "alt-" + participant.code();
			if (!this.byUsername.containsKey(username)) {
				wanted.add(new String[] { username, participant.code(), "ALTERNATE" });
			}
		}
		for (Organisation organisation : this.organisations.values()) {
			if ("GUEST".equals(organisation.kind()) && members(organisation).isEmpty()) {
				wanted.add(new String[] { "guest-" + organisation.code(), organisation.code(), "GUEST" });
			}
			if ("OBSERVER".equals(organisation.kind())) {
				for (int n = 1; n <= 3; n++) {
					wanted.add(new String[] { "rep-" + organisation.code() + "-" + n, organisation.code(),
							"OBSERVER_REPRESENTATIVE" });
				}
			}
		}
		int round = 1;
		while (this.people.size() + wanted.size() < total) {
			for (Organisation participant : this.participantsByName) {
				if (this.people.size() + wanted.size() >= total) {
					break;
				}
				String username = "delegate-" + participant.code() + "-" + round;
				if (!this.byUsername.containsKey(username) && !("bw".equals(participant.code()) && round == 1)) {
					wanted.add(new String[] { username, participant.code(), "DELEGATE" });
				}
			}
			round++;
		}
		Instant at = from;
		for (String[] account : wanted) {
			if (this.people.size() >= total && required == 0) {
				break;
			}
			required = Math.max(0, required - 1);
			Organisation organisation = organisation(account[1]);
			String name = texts.personName();
			String language = FRANCOPHONE.contains(organisation.code()) ? "fr" : "en";
			String domain = switch (organisation.kind()) {
				case "OBSERVER" -> "observers.example";
				case "GUEST" -> "guests.example";
				default -> "CHAIRS_OFFICE".equals(account[2]) ? "kp-chair.example" : "delegations.example";
			};
			String email = account[0] + "@" + domain;
			at = at.plusSeconds(600 + random.nextInt(20_000));
			long id = nextId++;
			accounts.add(new Object[] { id, account[0], passwordHash, name, email, organisation.id(), language,
					Timestamp.from(at) });
			roles.add(new Object[] { id, account[2] });
			Person person = new Person(id, account[0], name, organisation, Set.of(account[2]), language);
			add(person);
			trail.act(admin, at)
				.created("Account", id, Trail.summary()
					.set("active", true)
					.set("createdAt", at)
					.set("email", email)
					.set("fullName", name)
					.set("organisation", "Organisation#" + organisation.id())
					.hidden("passwordChangeRequired")
					.hidden("passwordHash")
					.set("preferredLanguage", language)
					.set("roles", "[" + account[2] + "]")
					.hidden("securityStamp")
					.set("username", account[0])
					.set("version", 0));
		}
		this.jdbc.batchUpdate("""
				INSERT INTO account (id, username, password_hash, full_name, email, organisation_id, preferred_language,
				    active, password_change_required, security_stamp, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, TRUE, FALSE, 0, ?)""", accounts);
		this.jdbc.batchUpdate("INSERT INTO account_role (account_id, role) VALUES (?, ?)", roles);
		this.people.sort(Comparator.comparingLong(Person::id));
	}

}
