package org.kimberleyprocess.portal.statistics;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.kimberleyprocess.portal.directory.DirectoryQueries;
import org.kimberleyprocess.portal.directory.DirectoryQueries.OrganisationRef;
import org.kimberleyprocess.portal.directory.OrganisationKind;
import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.shared.InvalidInputException;
import org.kimberleyprocess.portal.shared.Localized;
import org.kimberleyprocess.portal.shared.NotFoundException;
import org.kimberleyprocess.portal.statistics.ReturnFigures.Checked;
import org.kimberleyprocess.portal.statistics.ReturnFigures.Partner;
import org.kimberleyprocess.portal.statistics.ReturnFigures.Problem;

/**
 * A Participant's statistics returns: what it owes for a year, each return with its versions,
 * and submitting one. Who may do what is {@link StatisticsPolicy}'s; a return the reader may not
 * see is not found.
 */
@Service
@Transactional(readOnly = true)
public class StatisticsReturns {

	/** A value per carat this many times above or below the Participant's usual one is flagged. */
	static final BigDecimal UNUSUAL_FACTOR = new BigDecimal(3);

	/** The fewest earlier figures of the same flow that make a usual value per carat. */
	static final int HISTORY_NEEDED = 4;

	private static final int FIRST_YEAR = 2003;

	/** The most lines a return's page puts on its form; see {@link ReturnPage#correctedOnForm()}. */
	static final int FORM_LINES = 30;

	private final NamedParameterJdbcTemplate jdbc;

	private final StatisticsPolicy policy;

	private final StatisticsYears years;

	private final DirectoryQueries directory;

	private final Clock clock;

	@PersistenceContext
	private EntityManager entityManager;

	StatisticsReturns(NamedParameterJdbcTemplate jdbc, StatisticsPolicy policy, StatisticsYears years,
			DirectoryQueries directory, Clock clock) {
		this.jdbc = jdbc;
		this.policy = policy;
		this.years = years;
		this.directory = directory;
		this.clock = clock;
	}

	/** The Participant named by {@code code} whose returns the reader may see; otherwise not found. */
	public OrganisationRef participant(Reader reader, String code) {
		OrganisationRef participant = this.directory.organisations()
			.stream()
			.filter((organisation) -> organisation.kind() == OrganisationKind.PARTICIPANT
					&& organisation.code().equals(code))
			.findFirst()
			.orElseThrow(NotFoundException::new);
		if (!this.policy.seesReturnsOf(reader, participant.id())) {
			throw new NotFoundException();
		}
		return participant;
	}

	/** The Participants whose returns the reader sees: its own, or all for the group and the Chair's office. */
	public List<OrganisationRef> participantsSeenBy(Reader reader) {
		boolean all = this.policy.seesGroupViews(reader);
		return this.directory.organisations()
			.stream()
			.filter((organisation) -> organisation.kind() == OrganisationKind.PARTICIPANT
					&& (all || this.policy.seesReturnsOf(reader, organisation.id())))
			.toList();
	}

	public int currentYear() {
		return this.years.currentYear();
	}

	/** A year the portal keeps returns for: from the scheme's first to the current one. */
	public void requireKnownYear(int year) {
		if (year < FIRST_YEAR || year > currentYear()) {
			throw new NotFoundException();
		}
	}

	/** Every return the Participant owes for the year, submitted or not. */
	public YearOverview overview(Reader reader, String code, int year) {
		requireKnownYear(year);
		OrganisationRef participant = participant(reader, code);
		Map<String, Submitted> submitted = new HashMap<>();
		boolean[] demonstration = { false };
		this.jdbc.query("""
				SELECT r.kind, r.period, r.current_version, r.demonstration, MIN(v.submitted_at) AS first_at,
				       MAX(v.submitted_at) AS last_at
				FROM statistics_return r JOIN statistics_return_version v ON v.return_id = r.id
				WHERE r.participant_id = :participant AND r.year = :year
				GROUP BY r.id, r.kind, r.period, r.current_version, r.demonstration""",
				Map.of("participant", participant.id(), "year", year), (rs) -> {
					demonstration[0] |= rs.getBoolean("demonstration");
					submitted.put(rs.getString("kind") + "/" + rs.getInt("period"),
							new Submitted(rs.getInt("current_version"), instant(rs.getTimestamp("first_at")),
									instant(rs.getTimestamp("last_at"))));
				});
		List<PeriodStatus> periods = new ArrayList<>();
		for (ReturnKind kind : ReturnKind.values()) {
			for (int period = 1; period <= kind.periodsPerYear(); period++) {
				periods.add(status(kind, year, period, submitted.get(kind + "/" + period)));
			}
		}
		return new YearOverview(participant, year, this.years.isClosed(year),
				this.policy.canSubmitFor(reader, participant.id()), periods, demonstration[0]);
	}

	/**
	 * The returns the reader's delegation owes and has not submitted, this year and last (while
	 * last year is not closed), oldest first; empty unless the reader submits for it.
	 */
	public List<PeriodStatus> owedBy(Reader reader) {
		if (!this.policy.canSubmitFor(reader, reader.organisationId())) {
			return List.of();
		}
		int last = Math.max(FIRST_YEAR, currentYear() - 1);
		Map<String, Object> parameters = Map.of("participant", reader.organisationId(), "from", last, "to",
				currentYear());
		Set<Integer> closed = new java.util.HashSet<>(this.jdbc.queryForList(
				"SELECT year FROM statistics_year WHERE year BETWEEN :from AND :to", parameters, Integer.class));
		Map<String, Submitted> submitted = new HashMap<>();
		this.jdbc.query("""
				SELECT r.year, r.kind, r.period, r.current_version, MIN(v.submitted_at) AS first_at,
				       MAX(v.submitted_at) AS last_at
				FROM statistics_return r JOIN statistics_return_version v ON v.return_id = r.id
				WHERE r.participant_id = :participant AND r.year BETWEEN :from AND :to
				GROUP BY r.id, r.year, r.kind, r.period, r.current_version""", parameters,
				(rs) -> {
					submitted.put(rs.getInt("year") + "/" + rs.getString("kind") + "/" + rs.getInt("period"),
							new Submitted(rs.getInt("current_version"), instant(rs.getTimestamp("first_at")),
									instant(rs.getTimestamp("last_at"))));
				});
		List<PeriodStatus> owed = new ArrayList<>();
		for (int year = last; year <= currentYear(); year++) {
			if (closed.contains(year)) {
				continue;
			}
			for (ReturnKind kind : ReturnKind.values()) {
				for (int period = 1; period <= kind.periodsPerYear(); period++) {
					PeriodStatus status = status(kind, year, period, submitted.get(year + "/" + kind + "/" + period));
					if (status.state() == State.DUE || status.state() == State.OVERDUE) {
						owed.add(status);
					}
				}
			}
		}
		return owed;
	}

	/** One return: its state, its versions, the figures of its current version. */
	public ReturnPage page(Reader reader, String code, int year, ReturnKind kind, int period) {
		requirePeriod(year, kind, period);
		OrganisationRef participant = participant(reader, code);
		List<VersionRef> versions = this.jdbc.query("""
				SELECT v.id, v.number, v.source, v.submitted_at, a.full_name, r.demonstration
				FROM statistics_return r JOIN statistics_return_version v ON v.return_id = r.id
				JOIN account a ON a.id = v.submitted_by
				WHERE r.participant_id = :participant AND r.kind = :kind AND r.year = :year AND r.period = :period
				ORDER BY v.number DESC""", returnKey(participant.id(), kind, year, period),
				(rs, i) -> new VersionRef(rs.getLong("id"), rs.getInt("number"), rs.getString("source"),
						instant(rs.getTimestamp("submitted_at")), rs.getString("full_name"), rs.getBoolean("demonstration")));
		Submitted submitted = versions.isEmpty() ? null
				: new Submitted(versions.get(0).number(), versions.get(versions.size() - 1).submittedAt(),
						versions.get(0).submittedAt());
		List<FigureLine> lines = versions.isEmpty() ? List.of() : lines(versions.get(0).id());
		return new ReturnPage(participant, status(kind, year, period, submitted), this.years.isClosed(year),
				this.policy.canSubmitFor(reader, participant.id()), versions, lines);
	}

	/** One version of a return, as submitted; an unknown number is not found. */
	public VersionPage version(Reader reader, String code, int year, ReturnKind kind, int period, int number) {
		ReturnPage page = page(reader, code, year, kind, period);
		VersionRef version = page.versions()
			.stream()
			.filter((candidate) -> candidate.number() == number)
			.findFirst()
			.orElseThrow(NotFoundException::new);
		return new VersionPage(page, version, lines(version.id()));
	}

	private List<FigureLine> lines(long versionId) {
		return this.jdbc.query("""
				SELECT l.flow, l.partner_entity, o.code, o.name_en, o.name_fr, l.carats, l.value_usd,
				       l.certificates, l.unusual_confirmed
				FROM statistics_line l LEFT JOIN organisation o ON o.id = l.partner_id
				WHERE l.version_id = :version ORDER BY l.flow DESC, o.name_en, l.partner_entity""",
				Map.of("version", versionId),
				(rs, i) -> new FigureLine(Flow.valueOf(rs.getString("flow")),
						rs.getString("partner_entity") != null ? ReturnFigures.CHINESE_TAIPEI_CODE : rs.getString("code"),
						rs.getString("name_en") == null ? null
								: new Localized(rs.getString("name_en"), rs.getString("name_fr")),
						rs.getBigDecimal("carats"), rs.getBigDecimal("value_usd"),
						(Integer) rs.getObject("certificates", Integer.class), rs.getBoolean("unusual_confirmed")));
	}

	/** The form, filled with the current figures and blank rows to add more. */
	public ReturnForm form(ReturnPage page) {
		ReturnForm form = new ReturnForm();
		form.setBasedOn(page.status().submitted() == null ? 0 : page.status().submitted().version());
		if (!page.correctedOnForm()) {
			return form;
		}
		for (FigureLine line : page.lines()) {
			form.getRows()
				.add(new ReturnForm.Row(line.flow().name(), line.partnerCode() == null ? "" : line.partnerCode(),
						line.carats().toPlainString(), line.value().toPlainString(),
						line.certificates() == null ? "" : String.valueOf(line.certificates()), line.confirmed()));
		}
		if (page.status().kind() == ReturnKind.PRODUCTION) {
			if (form.getRows().isEmpty()) {
				form.getRows().add(new ReturnForm.Row(Flow.PRODUCTION.name(), "", "", "", "", false));
			}
		}
		else {
			form.setNothingToReport(page.status().submitted() != null && page.lines().isEmpty());
			form.padWith(ReturnForm.BLANK_ROWS);
		}
		return form;
	}

	/**
	 * The partners a trade line may name, by code or by English or French name, in lower case:
	 * every Participant and Chinese Taipei. The Participant itself is among them, so that naming it
	 * is told apart from naming no one known.
	 */
	public Map<String, Partner> partners() {
		Map<String, Partner> partners = new LinkedHashMap<>();
		for (OrganisationRef organisation : this.directory.organisations()) {
			if (organisation.kind() == OrganisationKind.PARTICIPANT) {
				Partner partner = Partner.participant(organisation.code(), organisation.id());
				partners.put(organisation.code().toLowerCase(Locale.ROOT), partner);
				partners.putIfAbsent(organisation.name().en().toLowerCase(Locale.ROOT), partner);
				partners.putIfAbsent(organisation.name().fr().toLowerCase(Locale.ROOT), partner);
			}
		}
		partners.put(ReturnFigures.CHINESE_TAIPEI_CODE, Partner.chineseTaipei());
		return partners;
	}

	/** The choices of the partner select, Participants by name, then Chinese Taipei. */
	public List<PartnerOption> partnerOptions(long participantId) {
		List<PartnerOption> options = new ArrayList<>();
		for (OrganisationRef organisation : this.directory.organisations()) {
			if (organisation.kind() == OrganisationKind.PARTICIPANT && organisation.id() != participantId) {
				options.add(new PartnerOption(organisation.code(), organisation.name()));
			}
		}
		options.sort(java.util.Comparator.comparing((PartnerOption option) -> option.name().en()));
		options.add(new PartnerOption(ReturnFigures.CHINESE_TAIPEI_CODE, null));
		return options;
	}

	/**
	 * The checked lines whose value per carat is far from the Participant's own: more than
	 * {@link #UNUSUAL_FACTOR} times above or below the median of its earlier figures of the same
	 * flow, once it has {@link #HISTORY_NEEDED} of them. Those not confirmed are problems.
	 */
	public List<Problem> unusual(long participantId, ReturnKind kind, int year, int period, List<Checked> lines) {
		Map<Flow, List<BigDecimal>> history = new EnumMap<>(Flow.class);
		Map<String, Object> key = returnKey(participantId, kind, year, period);
		this.jdbc.query("""
				SELECT l.flow, l.value_usd / l.carats AS per_carat
				FROM statistics_return r
				JOIN statistics_return_version v ON v.return_id = r.id AND v.number = r.current_version
				JOIN statistics_line l ON l.version_id = v.id
				WHERE r.participant_id = :participant AND r.kind = :kind AND NOT (r.year = :year AND r.period = :period)
				  AND l.carats > 0""", key, (rs) -> {
					history.computeIfAbsent(Flow.valueOf(rs.getString("flow")), (flow) -> new ArrayList<>())
						.add(rs.getBigDecimal("per_carat"));
				});
		List<Problem> problems = new ArrayList<>();
		for (Checked line : lines) {
			BigDecimal usual = median(history.get(line.flow()));
			BigDecimal perCarat = line.perCarat();
			if (usual == null || perCarat == null || usual.signum() == 0 || line.confirmed()) {
				continue;
			}
			if (perCarat.compareTo(usual.multiply(UNUSUAL_FACTOR)) > 0
					|| perCarat.multiply(UNUSUAL_FACTOR).compareTo(usual) < 0) {
				problems.add(new Problem(line.row(), "confirmed", "statistics.line.unusual", perCarat.toPlainString(),
						usual.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()));
			}
		}
		return problems;
	}

	private static BigDecimal median(List<BigDecimal> values) {
		if (values == null || values.size() < HISTORY_NEEDED) {
			return null;
		}
		List<BigDecimal> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return sorted.size() % 2 == 1 ? sorted.get(middle)
				: sorted.get(middle - 1).add(sorted.get(middle)).divide(new BigDecimal(2));
	}

	/**
	 * Saves checked figures as the return's next version, which becomes the current one. Refused
	 * for a reader who does not submit for this Participant, for a closed year or a period not
	 * yet over, and where another version was submitted since the form was opened
	 * ({@code basedOn}, the version the person saw).
	 */
	@Transactional
	public int submit(Reader reader, String code, int year, ReturnKind kind, int period, int basedOn,
			ReturnVersion.Source source, List<Checked> lines) {
		requirePeriod(year, kind, period);
		OrganisationRef participant = participant(reader, code);
		if (!this.policy.canSubmitFor(reader, participant.id())) {
			throw new AccessDeniedException("A Participant's head or alternate submits its returns");
		}
		if (this.years.isClosed(year)) {
			throw new InvalidInputException(null, "statistics.return.yearClosed", String.valueOf(year));
		}
		if (!over(kind, year, period)) {
			throw new InvalidInputException(null, "statistics.return.notOver");
		}
		if (kind == ReturnKind.PRODUCTION && lines.size() != 1) {
			throw new InvalidInputException(null, "statistics.return.productionLine");
		}
		List<StatisticsReturn> found = this.entityManager
			.createQuery("SELECT r FROM StatisticsReturn r WHERE r.participantId = :participant AND r.kind = :kind"
					+ " AND r.year = :year AND r.period = :period", StatisticsReturn.class)
			.setParameter("participant", participant.id())
			.setParameter("kind", kind)
			.setParameter("year", year)
			.setParameter("period", period)
			.getResultList();
		StatisticsReturn statisticsReturn = found.isEmpty() ? new StatisticsReturn(participant.id(), kind, year, period)
				: found.get(0);
		if (statisticsReturn.getCurrentVersion() != basedOn) {
			throw new InvalidInputException(null, "statistics.return.changedMeanwhile",
					String.valueOf(statisticsReturn.getCurrentVersion()));
		}
		if (statisticsReturn.getId() == null) {
			this.entityManager.persist(statisticsReturn);
		}
		int number = statisticsReturn.advance();
		this.entityManager.persist(new ReturnVersion(statisticsReturn.getId(), number, source, reader.accountId(),
				this.clock.instant(), lines.stream().map(Checked::line).toList()));
		this.entityManager.flush();
		return number;
	}

	private void requirePeriod(int year, ReturnKind kind, int period) {
		requireKnownYear(year);
		if (!kind.hasPeriod(period)) {
			throw new NotFoundException();
		}
	}

	private boolean over(ReturnKind kind, int year, int period) {
		return kind.periodEnd(year, period).isBefore(today());
	}

	private LocalDate today() {
		return this.clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
	}

	private PeriodStatus status(ReturnKind kind, int year, int period, Submitted submitted) {
		LocalDate end = kind.periodEnd(year, period);
		LocalDate due = kind.dueDate(year, period);
		LocalDate today = today();
		State state;
		if (submitted != null) {
			state = submitted.firstAt().atZone(ZoneOffset.UTC).toLocalDate().isAfter(due) ? State.LATE : State.ON_TIME;
		}
		else if (!end.isBefore(today)) {
			state = State.NOT_OVER;
		}
		else {
			state = due.isBefore(today) ? State.OVERDUE : State.DUE;
		}
		return new PeriodStatus(kind, year, period, end, due, state, submitted);
	}

	private static Map<String, Object> returnKey(long participantId, ReturnKind kind, int year, int period) {
		return Map.of("participant", participantId, "kind", kind.name(), "year", year, "period", period);
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	/** Where a return stands. */
	public enum State {

		NOT_OVER, DUE, OVERDUE, ON_TIME, LATE;

		public boolean submitted() {
			return this == ON_TIME || this == LATE;
		}

	}

	public record Submitted(int version, Instant firstAt, Instant lastAt) {
	}

	public record PeriodStatus(ReturnKind kind, int year, int period, LocalDate end, LocalDate due, State state,
			Submitted submitted) {

		/** The path segment of the kind, as addresses write it. */
		public String slug() {
			return this.kind.name().toLowerCase(Locale.ROOT);
		}

	}

	public record YearOverview(OrganisationRef participant, int year, boolean closed, boolean canSubmit,
			List<PeriodStatus> periods, boolean demonstration) {
	}

	/** A version; {@code demonstration} where its return holds demonstration figures. */
	public record VersionRef(long id, int number, String source, Instant submittedAt, String submittedBy,
			boolean demonstration) {
	}

	public record FigureLine(Flow flow, String partnerCode, Localized partner, BigDecimal carats, BigDecimal value,
			Integer certificates, boolean confirmed) {

		public BigDecimal perCarat() {
			return this.carats.signum() == 0 ? null : this.value.divide(this.carats, 2, java.math.RoundingMode.HALF_UP);
		}

	}

	public record ReturnPage(OrganisationRef participant, PeriodStatus status, boolean closed, boolean canSubmit,
			List<VersionRef> versions, List<FigureLine> lines) {

		/** The form is offered: the reader submits for the Participant, the year is open and the period over. */
		public boolean open() {
			return this.canSubmit && !this.closed && this.status.state() != State.NOT_OVER;
		}

		/** The return holds demonstration figures, which its pages say. */
		public boolean demonstration() {
			return !this.versions.isEmpty() && this.versions.get(0).demonstration();
		}

		/**
		 * The current figures are few enough to be corrected on the form, which the page then
		 * fills with them; a larger return is corrected by downloading its figures as CSV, editing
		 * and uploading them, so the page stays light.
		 */
		public boolean correctedOnForm() {
			return this.lines.size() <= FORM_LINES;
		}

	}

	public record VersionPage(ReturnPage page, VersionRef version, List<FigureLine> lines) {
	}

	public record PartnerOption(String code, Localized name) {
	}

}
