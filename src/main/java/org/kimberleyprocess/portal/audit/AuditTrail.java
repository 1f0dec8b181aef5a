package org.kimberleyprocess.portal.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

import org.kimberleyprocess.portal.shared.AuditIdentity;

/**
 * Appends to the audit trail and reads it. Entries made inside a transaction are written just
 * before it commits (so a rolled-back change leaves no entry), under the lock of the chain's
 * head row so the chain has one order; outside a transaction, or in a read-only one, they are
 * written in a transaction of their own. No method updates or deletes an entry.
 */
@Service
public class AuditTrail {

	static final String GENESIS = "0".repeat(64);

	private static final int SUMMARY_LIMIT = 2000;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	@PersistenceContext
	private EntityManager entityManager;

	AuditTrail(JdbcTemplate jdbc, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Appends an entry for the person of the current request (or the system, for scheduled work). */
	public void record(String action, String target, String summary) {
		String[] actor = actor();
		record(actor[0], actor[1], action, target, summary);
	}

	/** Appends an entry naming the actor explicitly, e.g. the username typed at a failed sign-in. */
	public void record(String actor, String organisation, String action, String target, String summary) {
		RequestInfo.Current request = RequestInfo.current();
		Pending entry = new Pending(this.clock.instant().truncatedTo(ChronoUnit.MICROS), limit(actor, 300), limit(organisation, 200), limit(action, 100),
				limit(target, 200), limit(summary, SUMMARY_LIMIT), request == null ? null : request.requestId(),
				request == null ? null : request.clientAddress());
		if (!TransactionSynchronizationManager.isSynchronizationActive()
				|| TransactionSynchronizationManager.isCurrentTransactionReadOnly()
				|| !TransactionSynchronizationManager.isActualTransactionActive()) {
			this.ownTransaction.executeWithoutResult((status) -> write(List.of(entry)));
			return;
		}
		@SuppressWarnings("unchecked")
		List<Pending> buffer = (List<Pending>) TransactionSynchronizationManager.getResource(AuditTrail.class);
		if (buffer == null) {
			List<Pending> created = new ArrayList<>();
			TransactionSynchronizationManager.bindResource(AuditTrail.class, created);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void beforeCommit(boolean readOnly) {
					// Changes still to be flushed add their entries to the buffer first.
					AuditTrail.this.entityManager.flush();
					write(List.copyOf(created));
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(AuditTrail.class);
				}

			});
			buffer = created;
		}
		buffer.add(entry);
	}

	private void write(List<Pending> entries) {
		if (entries.isEmpty()) {
			return;
		}
		String previous = this.jdbc.queryForObject("SELECT last_hash FROM audit_head WHERE id = 1 FOR UPDATE",
				String.class);
		for (Pending entry : entries) {
			String hash = hash(previous, entry.occurredAt(), entry.actor(), entry.organisation(), entry.action(),
					entry.target(), entry.summary(), entry.requestId(), entry.clientAddress());
			this.jdbc.update("""
					INSERT INTO audit_entry (occurred_at, actor, organisation, action, target, summary, request_id,
					    client_address, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
					utc(entry.occurredAt()), entry.actor(), entry.organisation(), entry.action(),
					entry.target(), entry.summary(), entry.requestId(), entry.clientAddress(), previous, hash);
			previous = hash;
		}
		this.jdbc.update("UPDATE audit_head SET last_hash = ? WHERE id = 1", previous);
	}

	// Reading

	public org.springframework.data.domain.Slice<AuditEntry> page(Filter filter,
			org.springframework.data.domain.Pageable pageable) {
		Query query = query(filter);
		List<Object> arguments = new ArrayList<>(query.arguments());
		arguments.add(pageable.getPageSize() + 1);
		arguments.add(pageable.getOffset());
		List<AuditEntry> rows = this.jdbc.query(
				"SELECT * FROM audit_entry" + query.where() + " ORDER BY id DESC LIMIT ? OFFSET ?", ROWS,
				arguments.toArray());
		boolean more = rows.size() > pageable.getPageSize();
		return new org.springframework.data.domain.SliceImpl<>(more ? rows.subList(0, pageable.getPageSize()) : rows,
				pageable, more);
	}

	/** Every entry matching the filter, oldest first, one at a time: for the CSV export. */
	public void each(Filter filter, Consumer<AuditEntry> consumer) {
		Query query = query(filter);
		this.jdbc.query(connection -> {
			var statement = connection.prepareStatement("SELECT * FROM audit_entry" + query.where() + " ORDER BY id",
					java.sql.ResultSet.TYPE_FORWARD_ONLY, java.sql.ResultSet.CONCUR_READ_ONLY);
			statement.setFetchSize(500);
			for (int i = 0; i < query.arguments().size(); i++) {
				statement.setObject(i + 1, query.arguments().get(i));
			}
			return statement;
		}, (java.sql.ResultSet rows) -> {
			consumer.accept(ROWS.mapRow(rows, 0));
		});
	}

	/**
	 * Recomputes the chain from the first entry: each entry's stored previous hash must be the
	 * hash before it, and its stored hash the hash of its content chained to that one.
	 */
	public Verification verify() {
		long[] checked = { 0 };
		String[] previous = { GENESIS };
		AuditEntry[] broken = { null };
		String[] reason = { null };
		this.jdbc.query(connection -> {
			var statement = connection.prepareStatement("SELECT * FROM audit_entry ORDER BY id",
					java.sql.ResultSet.TYPE_FORWARD_ONLY, java.sql.ResultSet.CONCUR_READ_ONLY);
			statement.setFetchSize(500);
			return statement;
		}, (java.sql.ResultSet rows) -> {
			if (broken[0] != null) {
				return;
			}
			AuditEntry entry = ROWS.mapRow(rows, 0);
			checked[0]++;
			if (!entry.previousHash().equals(previous[0])) {
				broken[0] = entry;
				reason[0] = "previous";
				return;
			}
			String recomputed = hash(previous[0], entry.occurredAt(), entry.actor(), entry.organisation(),
					entry.action(), entry.target(), entry.summary(), entry.requestId(), entry.clientAddress());
			if (!recomputed.equals(entry.hash())) {
				broken[0] = entry;
				reason[0] = "content";
				return;
			}
			previous[0] = entry.hash();
		});
		if (broken[0] == null) {
			String head = this.jdbc.queryForObject("SELECT last_hash FROM audit_head WHERE id = 1", String.class);
			if (!head.equals(previous[0])) {
				return new Verification(checked[0], null, "head");
			}
		}
		return new Verification(checked[0], broken[0], reason[0]);
	}

	private static Query query(Filter filter) {
		StringBuilder where = new StringBuilder();
		List<Object> arguments = new ArrayList<>();
		condition(where, arguments, "actor LIKE ?", like(filter.actor()));
		condition(where, arguments, "organisation LIKE ?", like(filter.organisation()));
		condition(where, arguments, "target LIKE ?", like(filter.target()));
		condition(where, arguments, "action LIKE ?", like(filter.action()));
		if (filter.from() != null) {
			condition(where, arguments, "occurred_at >= ?", filter.from().atStartOfDay());
		}
		if (filter.to() != null) {
			condition(where, arguments, "occurred_at < ?", filter.to().plusDays(1).atStartOfDay());
		}
		return new Query(where.toString(), arguments);
	}

	private static void condition(StringBuilder where, List<Object> arguments, String condition, Object value) {
		if (value == null) {
			return;
		}
		where.append(where.isEmpty() ? " WHERE " : " AND ").append(condition);
		arguments.add(value);
	}

	private static String like(String text) {
		if (!StringUtils.hasText(text)) {
			return null;
		}
		return "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	static String hash(String previous, Instant occurredAt, String actor, String organisation, String action,
			String target, String summary, String requestId, String clientAddress) {
		String content = String.join("\u001f", previous, occurredAt.truncatedTo(ChronoUnit.MICROS).toString(), actor,
				organisation, action, target, summary, requestId == null ? "" : requestId,
				clientAddress == null ? "" : clientAddress);
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String[] actor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof AuditIdentity identity) {
			return new String[] { identity.auditName(), identity.auditOrganisation() };
		}
		return new String[] { "system", "" };
	}

	/** Times are stored as UTC wall-clock values, whatever the zone of the JVM or the server. */
	private static java.time.LocalDateTime utc(Instant instant) {
		return java.time.LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static String limit(String text, int length) {
		String value = (text == null) ? "" : text;
		return value.length() <= length ? value : value.substring(0, length - 1) + "…";
	}

	private static final RowMapper<AuditEntry> ROWS = (rows, number) -> new AuditEntry(rows.getLong("id"),
			rows.getObject("occurred_at", java.time.LocalDateTime.class).toInstant(ZoneOffset.UTC), rows.getString("actor"), rows.getString("organisation"),
			rows.getString("action"), rows.getString("target"), rows.getString("summary"), rows.getString("request_id"),
			rows.getString("client_address"), rows.getString("previous_hash"), rows.getString("hash"));

	private record Pending(Instant occurredAt, String actor, String organisation, String action, String target,
			String summary, String requestId, String clientAddress) {
	}

	private record Query(String where, List<Object> arguments) {
	}

	public record AuditEntry(long id, Instant occurredAt, String actor, String organisation, String action,
			String target, String summary, String requestId, String clientAddress, String previousHash, String hash) {
	}

	public record Filter(String actor, String organisation, String target, String action, LocalDate from,
			LocalDate to) {
	}

	/** The outcome of recomputing the chain: the first entry that does not match, if any. */
	public record Verification(long checked, AuditEntry firstBroken, String reason) {

		public boolean intact() {
			return this.firstBroken == null && this.reason == null;
		}

	}

}
