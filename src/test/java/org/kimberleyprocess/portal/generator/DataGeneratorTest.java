package org.kimberleyprocess.portal.generator;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.kimberleyprocess.portal.PortalTest;
import org.kimberleyprocess.portal.audit.AuditTrail;
import org.kimberleyprocess.portal.shared.PortalClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generator at a small scale, on the demo data: the tables hold the totals asked for, the
 * stored texts, rounds and numbers keep the modules' invariants, and the audit chain verifies.
 */
@PortalTest
class DataGeneratorTest {

	private static final String ON_FINAL_COMMUNIQUE = "SELECT COUNT(*) FROM document_comment c JOIN document d"
			+ " ON d.id = c.document_id WHERE d.title = 'Kimberley Process Plenary, Dubai, 13–17 November 2016: Final Communiqué'";

	private static final String OF_READER = "SELECT COUNT(*) FROM notification n JOIN account a ON a.id = n.account_id"
			+ " WHERE a.username = 'hod-bw'";

	@Autowired
	DataGenerator generator;

	@Autowired
	AuditTrail trail;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PortalClock clock;

	@Test
	void fillsToTheTotalsAskedForKeepingInvariantsAndTheAuditChain() {
		// Other tests share this database: the totals asked for are what it holds now plus a little.
		GenerationScale tiny = GenerationScale.tiny();
		GenerationScale scale = new GenerationScale(tiny.firstYear(), tiny.lastYear(),
				count("SELECT COUNT(*) FROM account") + 20, count("SELECT COUNT(*) FROM document") + 140,
				count("SELECT COUNT(*) FROM document_comment") + 600, count(ON_FINAL_COMMUNIQUE) + 25,
				count("SELECT COUNT(*) FROM consensus_round") + 25, count("SELECT COUNT(*) FROM notification") + 800,
				count(OF_READER) + 30, "hod-bw", tiny.visitsPerYear(), tiny.seed());
		long versionsBefore = count("SELECT COALESCE(MAX(id), 0) FROM document_version");
		long documentsBefore = count("SELECT COALESCE(MAX(id), 0) FROM document");
		long roundsBefore = count("SELECT COALESCE(MAX(id), 0) FROM consensus_round");
		long commentsBefore = count("SELECT COALESCE(MAX(id), 0) FROM document_comment");
		Instant before = this.clock.instant();
		this.clock.travelTo(Instant.parse("2016-11-14T09:00:00Z"));
		try {
			this.generator.generate(scale);
		}
		finally {
			this.clock.travelTo(before);
		}

		assertThat(count("SELECT COUNT(*) FROM account")).isEqualTo(scale.accounts());
		assertThat(count("SELECT COUNT(*) FROM document")).isEqualTo(scale.documents());
		assertThat(count("SELECT COUNT(*) FROM document_comment")).isEqualTo(scale.comments());
		assertThat(count("SELECT COUNT(*) FROM consensus_round")).isEqualTo(scale.rounds());
		assertThat(count("SELECT COUNT(*) FROM notification")).isEqualTo(scale.notifications());
		assertThat(count(OF_READER)).isEqualTo(scale.readerNotifications());
		assertThat(count(ON_FINAL_COMMUNIQUE)).isEqualTo(scale.finalCommuniqueComments());

		// Other tests leave texts and rounds of their own (some tampered on purpose): the generated ones are checked.
		assertThat(count("SELECT COUNT(*) FROM document_version WHERE id > ? AND sha256 <> SHA2(markdown, 256)",
				versionsBefore)).isZero();
		assertThat(count("""
				SELECT COUNT(*) FROM document d WHERE d.id > ? AND d.status = 'UNDER_CONSENSUS'
				AND (SELECT COUNT(*) FROM consensus_round r WHERE r.document_id = d.id AND r.status = 'OPEN') <> 1""",
				documentsBefore)).isZero();
		assertThat(count("""
				SELECT COUNT(*) FROM document d WHERE d.id > ? AND d.status = 'ADOPTED' AND (d.official_number IS NULL
				OR NOT EXISTS (SELECT 1 FROM adoption_record a WHERE a.document_id = d.id
				    AND a.official_number = d.official_number))""", documentsBefore)).isZero();
		assertThat(count("""
				SELECT COUNT(*) FROM document_number_sequence s
				WHERE EXISTS (SELECT 1 FROM document g WHERE g.id > ? AND g.type = s.type AND g.year = s.year
				    AND g.official_number LIKE CONCAT('KP/', s.year, '/', s.body_label, '/%'))
				AND s.last_number <> (SELECT COUNT(DISTINCT d.official_number) FROM document d WHERE d.type = s.type
				    AND d.official_number LIKE CONCAT('KP/', s.year, '/', s.body_label, '/%'))""", documentsBefore)).isZero();
		assertThat(count("""
				SELECT COUNT(*) FROM document_comment c JOIN document_version v
				  ON v.document_id = c.document_id AND v.number = c.version_number
				WHERE c.id > ? AND c.block_anchor IS NOT NULL
				AND NOT EXISTS (SELECT 1 FROM document_block b WHERE b.version_id = v.id AND b.anchor = c.block_anchor)""",
				commentsBefore)).isZero();
		assertThat(count("""
				SELECT COUNT(*) FROM round_position p JOIN consensus_round r ON r.id = p.round_id
				WHERE r.id > ? AND (p.version_sha256 <> r.version_sha256 OR p.recorded_at < r.opened_at
				   OR (r.deadline IS NOT NULL AND p.recorded_at >= r.deadline))""", roundsBefore)).isZero();

		AuditTrail.Verification verification = this.trail.verify();
		assertThat(verification.intact()).isTrue();
		assertThat(this.generator.alreadyGenerated()).isTrue();
	}

	private int count(String sql, Object... arguments) {
		return this.jdbc.queryForObject(sql, Integer.class, arguments);
	}

}
