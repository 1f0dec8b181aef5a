package org.kimberleyprocess.portal.audit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends entries prepared elsewhere, such as the record of past activity loaded in bulk, in the
 * order given. Each batch is written in a transaction of its own under the lock of the chain's
 * head and chained exactly as {@link AuditTrail} chains what it records, so the trail still
 * verifies and entries recorded meanwhile by the running portal keep their place in the chain.
 */
@Service
public class AuditImport {

	private static final int BATCH = 2_000;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate ownTransaction;

	AuditImport(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** One entry as {@link AuditTrail#record(String, String, String, String, String)} would write it. */
	public record Entry(Instant occurredAt, String actor, String organisation, String action, String target,
			String summary, String requestId, String clientAddress) {
	}

	/** Appends the entries in order; answers how many were written. */
	public int append(List<Entry> entries) {
		for (int from = 0; from < entries.size(); from += BATCH) {
			List<Entry> batch = entries.subList(from, Math.min(entries.size(), from + BATCH));
			this.ownTransaction.executeWithoutResult((status) -> write(batch));
		}
		return entries.size();
	}

	private void write(List<Entry> batch) {
		String previous = this.jdbc.queryForObject("SELECT last_hash FROM audit_head WHERE id = 1 FOR UPDATE",
				String.class);
		List<Object[]> rows = new ArrayList<>(batch.size());
		for (Entry entry : batch) {
			Instant at = entry.occurredAt().truncatedTo(ChronoUnit.MICROS);
			String actor = limit(entry.actor(), 300);
			String organisation = limit(entry.organisation(), 200);
			String action = limit(entry.action(), 100);
			String target = limit(entry.target(), 200);
			String summary = limit(entry.summary(), 2000);
			String hash = AuditTrail.hash(previous, at, actor, organisation, action, target, summary,
					entry.requestId(), entry.clientAddress());
			rows.add(new Object[] { LocalDateTime.ofInstant(at, ZoneOffset.UTC), actor, organisation, action, target,
					summary, entry.requestId(), entry.clientAddress(), previous, hash });
			previous = hash;
		}
		this.jdbc.batchUpdate("""
				INSERT INTO audit_entry (occurred_at, actor, organisation, action, target, summary, request_id,
				    client_address, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
		this.jdbc.update("UPDATE audit_head SET last_hash = ? WHERE id = 1", previous);
	}

	/** The same limits as the entries the portal records itself. */
	private static String limit(String text, int length) {
		String value = (text == null) ? "" : text;
		return value.length() <= length ? value : value.substring(0, length - 1) + "…";
	}

}
