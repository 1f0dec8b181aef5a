package org.kimberleyprocess.portal.directory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import org.kimberleyprocess.portal.directory.AccountDirectory.SessionCheck;

/**
 * Builds the {@link Reader}: the one place that decides which rights a person holds now. The
 * Chair's office of a Participant holds its rights only in the year that Participant chairs (and
 * nobody's does where the rotation has no row for the year: the rule fails closed); a group's
 * chair holds the chair's rights within the chair's term; a Participant's status and its group
 * memberships are read as they are now. Requests get their reader once (kept on the request);
 * background work (notifications, digests, reminders, calendar feeds, email) builds readers for
 * the people concerned through the same rule.
 */
@Component
public class Readers {

	private static final Logger log = LoggerFactory.getLogger(Readers.class);

	static final String REQUEST_ATTRIBUTE = Readers.class.getName() + ".reader";

	private final AccountDirectory accounts;

	private final NamedParameterJdbcTemplate jdbc;

	private final OfficeTerms terms;

	private final Clock clock;

	Readers(AccountDirectory accounts, NamedParameterJdbcTemplate jdbc, OfficeTerms terms, Clock clock) {
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.terms = terms;
		this.clock = clock;
	}

	/**
	 * The person acting in the current request (anonymous when signed out), built once per
	 * request. Outside a request, the person signed in on this thread, if any.
	 */
	public Reader current() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			Object kept = request.getAttribute(REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
			if (kept instanceof Reader reader) {
				return reader;
			}
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		Reader reader = (authentication != null && authentication.getPrincipal() instanceof PortalUser user)
				? of(user) : Reader.anonymous();
		if (request != null) {
			request.setAttribute(REQUEST_ATTRIBUTE, reader, RequestAttributes.SCOPE_REQUEST);
		}
		return reader;
	}

	/** The reader a signed-in person is now. */
	public Reader of(PortalUser user) {
		if (user == null) {
			return Reader.anonymous();
		}
		return build(List.of(user)).get(0);
	}

	/** The reader the person is now, if the account is active: for background work. */
	public Optional<Reader> ofAccount(long accountId) {
		return ofAccounts(List.of(accountId)).stream().findFirst();
	}

	/**
	 * Readers for many people at once, as they would be signed in now: inactive accounts are left
	 * out. A fixed number of queries, whatever their number.
	 */
	public List<Reader> ofAccounts(Collection<Long> accountIds) {
		if (accountIds.isEmpty()) {
			return List.of();
		}
		return build(this.accounts.reloadActive(Set.copyOf(accountIds)));
	}

	/**
	 * Whether the person's session may go on, and the reader they are now, in one statement: the
	 * check a request makes before anything else. A session signed in before the password was
	 * reset through a link ends. The reader is kept for the rest of the request.
	 */
	public Checked check(PortalUser user) {
		StoredState[] state = new StoredState[1];
		Reader reader = build(List.of(user), state).get(0);
		SessionCheck check = SessionCheck.ENDED;
		if (state[0] != null && state[0].active() && state[0].credentialsStamp() == user.credentialsStamp()) {
			check = (state[0].securityStamp() != user.securityStamp()) ? SessionCheck.STALE
					: state[0].passwordChangeRequired() ? SessionCheck.PASSWORD_CHANGE_REQUIRED : SessionCheck.CURRENT;
		}
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null && check != SessionCheck.STALE && check != SessionCheck.ENDED) {
			request.setAttribute(REQUEST_ATTRIBUTE, reader, RequestAttributes.SCOPE_REQUEST);
		}
		return new Checked(check, reader);
	}

	/** What a request's check found: whether the session goes on, and who is reading. */
	public record Checked(SessionCheck check, Reader reader) {
	}

	private List<Reader> build(List<PortalUser> users) {
		return build(users, null);
	}

	/**
	 * One statement reads what the rule needs for every person at once: each organisation's
	 * status and groups, the groups each person chairs today, and (for a request's check) the
	 * account's state; the rotation is asked only for a Participant's Chair's office.
	 */
	private List<Reader> build(List<PortalUser> users, StoredState[] state) {
		if (users.isEmpty()) {
			return List.of();
		}
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		Set<Long> organisations = new HashSet<>();
		Set<Long> people = new HashSet<>();
		boolean officeAsked = false;
		for (PortalUser user : users) {
			organisations.add(user.organisationId());
			people.add(user.id());
			officeAsked |= user.has(Role.CHAIRS_OFFICE) && user.organisationKind() == OrganisationKind.PARTICIPANT;
		}
		Map<Long, ParticipantStatus> statuses = new HashMap<>();
		Map<Long, Set<Long>> memberGroups = new HashMap<>();
		Map<Long, Set<Long>> chairedGroups = new HashMap<>();
		String sql = """
				SELECT 'O', o.id, o.participant_status, m.working_group_id FROM organisation o
				LEFT JOIN working_group_member m ON m.organisation_id = o.id WHERE o.id IN (:organisations)
				UNION ALL
				SELECT 'C', g.chair_account_id, NULL, g.id FROM working_group g WHERE g.chair_account_id IN (:people)
				AND (g.chair_from IS NULL OR g.chair_from <= :day) AND (g.chair_until IS NULL OR g.chair_until >= :day)""";
		if (state != null) {
			sql += """

					UNION ALL
					SELECT 'A', a.security_stamp, CONCAT(a.active, a.password_change_required), a.credentials_stamp
					FROM account a
					WHERE a.id IN (:people)""";
		}
		this.jdbc.query(sql, new MapSqlParameterSource("organisations", organisations).addValue("people", people)
			.addValue("day", today), (row) -> {
				String part = row.getString(1);
				long id = row.getLong(2);
				String text = row.getString(3);
				long group = row.getLong(4);
				boolean noGroup = row.wasNull();
				switch (part) {
					case "O" -> {
						if (text != null) {
							statuses.put(id, ParticipantStatus.valueOf(text));
						}
						Set<Long> groups = memberGroups.computeIfAbsent(id, (key) -> new HashSet<>());
						if (!noGroup) {
							groups.add(group);
						}
					}
					case "C" -> chairedGroups.computeIfAbsent(id, (key) -> new HashSet<>()).add(group);
					default -> state[0] = new StoredState(text.charAt(0) == '1', id, text.charAt(1) == '1', group);
				}
			});
		Optional<Long> chair = officeAsked ? chairOf(today.getYear()) : Optional.empty();
		return users.stream().map((user) -> {
			Set<Long> chaired = chairedGroups.getOrDefault(user.id(), Set.of());
			return new Reader(user.id(), user.fullName(), user.getUsername(), user.organisationId(),
					user.organisationNames(), user.organisationKind(), statuses.get(user.organisationId()),
					rolesNow(user, chair, chaired), memberGroups.getOrDefault(user.organisationId(), Set.of()),
					chaired);
		}).toList();
	}

	private record StoredState(boolean active, long securityStamp, boolean passwordChangeRequired,
			long credentialsStamp) {
	}

	private Optional<Long> chairOf(int year) {
		Optional<Long> chair = this.terms.chairOf(year);
		if (chair.isEmpty()) {
			log.warn("The chair rotation has no row for {}: no Participant's Chair's office holds its rights", year);
		}
		return chair;
	}

	/**
	 * The roles the person holds now: the Chair's office of a Participant only in the year it
	 * chairs, the chair of a group only while chairing one within the term.
	 */
	private static Set<Role> rolesNow(PortalUser user, Optional<Long> chair, Set<Long> chaired) {
		Set<Role> roles = user.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(user.roles());
		if (user.organisationKind() == OrganisationKind.PARTICIPANT
				&& !chair.map((id) -> id == user.organisationId()).orElse(false)) {
			roles.remove(Role.CHAIRS_OFFICE);
		}
		if (chaired.isEmpty()) {
			roles.remove(Role.WORKING_GROUP_CHAIR);
		}
		else if (Role.WORKING_GROUP_CHAIR.fits(user.organisationKind())) {
			roles.add(Role.WORKING_GROUP_CHAIR);
		}
		return roles;
	}

}
