package org.kimberleyprocess.portal.operations;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.kimberleyprocess.portal.PortalTest;
import org.kimberleyprocess.portal.audit.AuditTrail;
import org.kimberleyprocess.portal.consensus.AdoptionVerification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * {@code /actuator/integrity}, what the restore drill asks: the audit chain and every adoption
 * record's text hash, recomputed. The adoption records are checked against MariaDB's own
 * SHA2() of the stored texts, an independent reckoning; other tests of the suite may have left
 * texts of their own altered, so the report must name exactly the records that reckoning finds.
 */
@PortalTest
class IntegrityCheckTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AuditTrail trail;

	@Autowired
	AdoptionVerification adoptions;

	@Test
	void intactAdoptionsPassAndAnAlteredTextOrRecordedHashIsNamed() throws Exception {
		Map<String, Object> demo = this.jdbc.queryForMap("""
				SELECT a.document_id, a.version_number, a.official_number, v.markdown FROM adoption_record a
				JOIN document_version v ON v.document_id = a.document_id AND v.number = a.version_number
				WHERE a.official_number = 'KP/2015/Plenary/Administrative Decision 1'""");
		long document = ((Number) demo.get("document_id")).longValue();
		int adopted = this.jdbc.queryForObject("SELECT COUNT(*) FROM adoption_record", Integer.class);

		AdoptionVerification.Report intact = this.adoptions.verifyAll();
		assertThat(intact.checked()).isEqualTo(adopted).isGreaterThanOrEqualTo(9);
		assertThat(documents(intact)).isEqualTo(alteredBySql()).doesNotContain(document);
		assertThat(reported().intact()).isEqualTo(intact.intact() && this.trail.verify().intact());

		this.jdbc.update("UPDATE document_version SET markdown = CONCAT(markdown, ' ') WHERE document_id = ? AND number = ?",
				document, demo.get("version_number"));
		try {
			AdoptionVerification.Report altered = this.adoptions.verifyAll();
			assertThat(documents(altered)).isEqualTo(alteredBySql()).contains(document);
			AdoptionVerification.Mismatch mismatch = altered.mismatches()
				.stream()
				.filter((candidate) -> candidate.documentId() == document)
				.findFirst()
				.orElseThrow();
			assertThat(mismatch.officialNumber()).isEqualTo("KP/2015/Plenary/Administrative Decision 1");
			assertThat(mismatch.recorded()).isEqualTo(mismatch.stored()).isNotEqualTo(mismatch.recomputed());

			Answer answer = reported();
			assertThat(answer.status()).isEqualTo(503);
			assertThat(answer.<Boolean>read("$.intact")).isFalse();
			assertThat(answer.<List<Integer>>read("$.adoptions.mismatches[*].documentId")).contains((int) document);
		}
		finally {
			this.jdbc.update("UPDATE document_version SET markdown = ? WHERE document_id = ? AND number = ?",
					demo.get("markdown"), document, demo.get("version_number"));
		}
		assertThat(documents(this.adoptions.verifyAll())).doesNotContain(document);

		String recorded = this.jdbc.queryForObject("SELECT version_sha256 FROM adoption_record WHERE document_id = ?",
				String.class, document);
		this.jdbc.update("UPDATE adoption_record SET version_sha256 = ? WHERE document_id = ?", "0".repeat(64), document);
		try {
			assertThat(documents(this.adoptions.verifyAll())).isEqualTo(alteredBySql()).contains(document);
		}
		finally {
			this.jdbc.update("UPDATE adoption_record SET version_sha256 = ? WHERE document_id = ?", recorded, document);
		}
		assertThat(documents(this.adoptions.verifyAll())).doesNotContain(document);
	}

	@Test
	void anIntactChainPassesAndAnAlteredEntryIsNamed() throws Exception {
		assertThat(this.trail.verify().intact()).isTrue();
		Answer before = reported();
		assertThat(before.<Boolean>read("$.auditTrail.intact")).isTrue();
		assertThat(before.<Integer>read("$.auditTrail.checked")).isPositive();
		assertThat(before.<Object>read("$.auditTrail.firstBrokenEntry")).isNull();

		Map<String, Object> victim = this.jdbc.queryForMap("SELECT id, summary FROM audit_entry ORDER BY id LIMIT 1 OFFSET 5");
		long id = ((Number) victim.get("id")).longValue();
		this.jdbc.update("UPDATE audit_entry SET summary = CONCAT(summary, '!') WHERE id = ?", id);
		try {
			Answer answer = reported();
			assertThat(answer.status()).isEqualTo(503);
			assertThat(answer.<Boolean>read("$.intact")).isFalse();
			assertThat(answer.<Boolean>read("$.auditTrail.intact")).isFalse();
			assertThat(answer.<Integer>read("$.auditTrail.firstBrokenEntry")).isEqualTo((int) id);
			assertThat(answer.<String>read("$.auditTrail.reason")).isEqualTo("content");
		}
		finally {
			this.jdbc.update("UPDATE audit_entry SET summary = ? WHERE id = ?", victim.get("summary"), id);
		}
		assertThat(this.trail.verify().intact()).isTrue();
	}

	/** The documents whose adoption record no longer matches its text, by MariaDB's reckoning. */
	private List<Long> alteredBySql() {
		return this.jdbc.queryForList("""
				SELECT a.document_id FROM adoption_record a
				LEFT JOIN document_version v ON v.document_id = a.document_id AND v.number = a.version_number
				WHERE v.document_id IS NULL OR SHA2(v.markdown, 256) <> a.version_sha256 OR v.sha256 <> a.version_sha256
				ORDER BY a.id""", Long.class);
	}

	private static List<Long> documents(AdoptionVerification.Report report) {
		return report.mismatches().stream().map(AdoptionVerification.Mismatch::documentId).toList();
	}

	private Answer reported() throws Exception {
		MvcResult result = this.mvc.perform(get("/actuator/integrity").with(OperationsTest.operationsPort())).andReturn();
		return new Answer(result.getResponse().getStatus(), result.getResponse().getContentAsString());
	}

	private record Answer(int status, String json) {

		<T> T read(String path) {
			return JsonPath.read(this.json, path);
		}

		boolean intact() {
			return this.status == 200 && Boolean.TRUE.equals(read("$.intact"));
		}

	}

}
