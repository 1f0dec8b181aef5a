package org.kimberleyprocess.portal.directory;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One of ten codes that stand in for the authenticator app once each; only its hash is kept. */
@Entity
@Table(name = "recovery_code")
class RecoveryCode {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, updatable = false)
	private long accountId;

	/** Named so that the audit trail never copies it. */
	@Column(name = "code_hash", nullable = false, updatable = false)
	private String secretHash;

	private Instant usedAt;

	protected RecoveryCode() {
	}

	RecoveryCode(long accountId, String secretHash) {
		this.accountId = accountId;
		this.secretHash = secretHash;
	}

	long id() {
		return this.id;
	}

	String secretHash() {
		return this.secretHash;
	}

}
