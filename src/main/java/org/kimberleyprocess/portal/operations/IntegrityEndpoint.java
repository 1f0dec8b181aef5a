package org.kimberleyprocess.portal.operations;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.stereotype.Component;

import org.kimberleyprocess.portal.audit.AuditTrail;
import org.kimberleyprocess.portal.consensus.AdoptionVerification;

/**
 * {@code /actuator/integrity} on the operations port: recomputes the audit trail's hash chain and
 * every adoption record's text hash, and answers 200 when both hold, 503 with what is broken
 * otherwise. Run after restoring a backup ({@code ops/backup-restore} does), or whenever the data
 * is in doubt; it reads the whole trail, so it is not for a monitor to call every minute.
 */
@Component
@WebEndpoint(id = "integrity", defaultAccess = Access.READ_ONLY)
class IntegrityEndpoint {

	private static final Logger log = LoggerFactory.getLogger(IntegrityEndpoint.class);

	private final AuditTrail auditTrail;

	private final AdoptionVerification adoptions;

	IntegrityEndpoint(AuditTrail auditTrail, AdoptionVerification adoptions) {
		this.auditTrail = auditTrail;
		this.adoptions = adoptions;
	}

	@ReadOperation
	WebEndpointResponse<Report> check() {
		AuditTrail.Verification chain = this.auditTrail.verify();
		AdoptionVerification.Report adopted = this.adoptions.verifyAll();
		Report report = new Report(chain.intact() && adopted.intact(),
				new AuditChain(chain.intact(), chain.checked(),
						chain.firstBroken() == null ? null : chain.firstBroken().id(), chain.reason()),
				new Adoptions(adopted.intact(), adopted.checked(), adopted.mismatches()));
		if (report.intact()) {
			log.info("Integrity check passed: {} audit entries, {} adoption records", chain.checked(),
					adopted.checked());
		}
		else {
			log.error("Integrity check failed: {}", report);
		}
		return new WebEndpointResponse<>(report,
				report.intact() ? WebEndpointResponse.STATUS_OK : WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE);
	}

	record Report(boolean intact, AuditChain auditTrail, Adoptions adoptions) {
	}

	/** The chain: entries checked, and the first that does not match with why ({@code previous},
	 * {@code content}) or {@code head} when the head row does not name the last entry. */
	record AuditChain(boolean intact, long checked, Long firstBrokenEntry, String reason) {
	}

	record Adoptions(boolean intact, int checked, List<AdoptionVerification.Mismatch> mismatches) {
	}

}
