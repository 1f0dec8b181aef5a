package org.kimberleyprocess.portal.directory;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A person's authenticator app: the shared secret, encrypted, and when it was enrolled. The last
 * accepted time step is kept in the same row but moved only by one conditional update, so that a
 * code works once even when two requests bring it at the same moment.
 */
@Entity
@Table(name = "second_factor")
class SecondFactor {

	@Id
	private Long accountId;

	@Column(nullable = false)
	private String secret;

	@Column(nullable = false, updatable = false)
	private Instant enrolledAt;

	/** Written only by {@link SecondFactorRepository#acceptStep}. */
	@Column(nullable = false, updatable = false)
	private long lastUsedStep;

	protected SecondFactor() {
	}

	SecondFactor(long accountId, String encryptedSecret, Instant enrolledAt) {
		this.accountId = accountId;
		this.secret = encryptedSecret;
		this.enrolledAt = enrolledAt;
	}

	long accountId() {
		return this.accountId;
	}

	String encryptedSecret() {
		return this.secret;
	}

	Instant enrolledAt() {
		return this.enrolledAt;
	}

}
