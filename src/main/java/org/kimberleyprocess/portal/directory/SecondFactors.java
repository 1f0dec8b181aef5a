package org.kimberleyprocess.portal.directory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import io.nayuki.qrcodegen.QrCode;
import org.apache.commons.codec.binary.Base32;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.encrypt.TextEncryptor;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import org.kimberleyprocess.portal.shared.InvalidInputException;
import org.kimberleyprocess.portal.shared.NotFoundException;
import org.kimberleyprocess.portal.shared.PortalClock;

/**
 * Second factors: time-based one-time codes from an authenticator app (RFC 6238: SHA-1, six
 * digits, 30 seconds, and the step before for delay) and ten single-use recovery codes. A code
 * is accepted once: the step it belongs to must be later than the last one accepted.
 */
@Service
@Transactional(readOnly = true)
public class SecondFactors {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SecondFactors.class);

	static final String ISSUER = "Kimberley Process";

	private static final int SECRET_BYTES = 20;

	private static final int RECOVERY_CODES = 10;

	/** Without look-alike characters, so a code read from paper is typed right. */
	private static final char[] RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

	/** Not secret: it only makes the derived key the portal's own. */
	private static final String KEY_SALT = HexFormat.of().formatHex("kp-second-factor".getBytes(StandardCharsets.UTF_8));

	private final SecondFactorRepository factors;

	private final RecoveryCodeRepository recoveryCodes;

	private final AccountRepository accounts;

	private final DirectoryPolicy policy;

	private final Clock clock;

	private final Clock wallClock;

	private final TextEncryptor encryptor;

	private final PasswordEncoder passwordEncoder;

	private final ApplicationEventPublisher events;

	private final TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator();

	private final SecureRandom random = new SecureRandom();

	SecondFactors(SecondFactorRepository factors, RecoveryCodeRepository recoveryCodes, AccountRepository accounts,
			DirectoryPolicy policy, PortalClock clock, ApplicationEventPublisher events,
			@Value("${portal.second-factor.key:}") String key) {
		if (!StringUtils.hasText(key) || key.length() < 32) {
			throw new IllegalStateException("Set portal.second-factor.key (environment PORTAL_SECOND_FACTOR_KEY) to a"
					+ " secret of at least 32 characters: it encrypts the authenticator secrets");
		}
		this.factors = factors;
		this.recoveryCodes = recoveryCodes;
		this.accounts = accounts;
		this.policy = policy;
		this.clock = clock;
		this.wallClock = clock.wallClock();
		this.encryptor = Encryptors.delux(key, KEY_SALT);
		// bcrypt: salted and slow, and quick enough to try ten codes; a code is far under 72 bytes.
		this.passwordEncoder = new BCryptPasswordEncoder();
		this.events = events;
	}

	public boolean enrolled(long accountId) {
		return this.factors.existsById(accountId);
	}

	/** What the person's own page shows about their factor, if they have one. */
	public Optional<Status> status(long accountId) {
		return this.factors.findById(accountId)
			.map((factor) -> new Status(factor.enrolledAt(), this.recoveryCodes.countUnused(accountId)));
	}

	/** A fresh secret to show as a QR code and as text; nothing is kept until a code confirms it. */
	public Enrolment newEnrolment(PortalUser user) {
		byte[] secret = new byte[SECRET_BYTES];
		this.random.nextBytes(secret);
		return enrolment(user, new Base32().encodeAsString(secret).replace("=", ""));
	}

	/** The same secret offered again after a wrong code, so the person need not scan anew. */
	public Enrolment enrolmentFor(PortalUser user, String secret) {
		boolean wellFormed = secret != null && secret.matches("[A-Z2-7]{32}");
		return wellFormed ? enrolment(user, secret) : newEnrolment(user);
	}

	private Enrolment enrolment(PortalUser user, String secret) {
		String label = encode(ISSUER) + ":" + encode(user.getUsername());
		String uri = "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(ISSUER)
				+ "&algorithm=SHA1&digits=6&period=30";
		return new Enrolment(secret, uri, QrCodes.svg(QrCode.encodeText(uri, QrCode.Ecc.MEDIUM)));
	}

	/**
	 * Keeps the secret once a code from the app proves the person holds it, replacing any earlier
	 * one, and hands back ten new recovery codes, shown once.
	 */
	@Transactional
	public List<String> enrol(PortalUser user, String secret, String code) {
		byte[] key = decodeSecret(secret);
		long step = matchingStep(key, code).orElseThrow(() -> new InvalidInputException("code", "twoFactor.code.wrong"));
		Account account = this.accounts.findById(user.id()).orElseThrow(NotFoundException::new);
		this.factors.findById(user.id()).ifPresent((old) -> {
			this.factors.delete(old);
			this.factors.flush();
		});
		this.factors.saveAndFlush(new SecondFactor(user.id(), this.encryptor.encrypt(secret), this.clock.instant()));
		this.factors.acceptStep(user.id(), step);
		account.secondFactorChanged();
		// A new factor: the account's other sessions, begun without it, end (ASVS 7.4.3).
		this.events.publishEvent(new AccountCredentialsChanged(account.getId(), account.getUsername()));
		return replaceRecoveryCodes(user.id());
	}

	/** Ten new recovery codes; the earlier ones stop working. */
	@Transactional
	public List<String> newRecoveryCodes(PortalUser user) {
		if (!this.factors.existsById(user.id())) {
			throw new NotFoundException();
		}
		return replaceRecoveryCodes(user.id());
	}

	/**
	 * Whether the code is the app's current one, not used before, or one of the unused recovery
	 * codes (which is then spent).
	 */
	@Transactional
	public Verification verify(long accountId, String code) {
		Optional<SecondFactor> factor = this.factors.findById(accountId);
		if (factor.isEmpty() || code == null) {
			return Verification.REFUSED;
		}
		String typed = code.strip().replace(" ", "").toLowerCase(Locale.ROOT);
		if (typed.matches("\\d{6}")) {
			byte[] key;
			try {
				key = decodeSecret(this.encryptor.decrypt(factor.get().encryptedSecret()));
			}
			catch (IllegalStateException | IllegalArgumentException ex) {
				log.error("The authenticator key of account {} does not decrypt: is portal.second-factor.key the key"
						+ " it was stored with?", accountId);
				return Verification.REFUSED;
			}
			Optional<Long> step = matchingStep(key, typed);
			return (step.isPresent() && this.factors.acceptStep(accountId, step.get()) == 1) ? Verification.APP_CODE
					: Verification.REFUSED;
		}
		String recovery = typed.replace("-", "");
		if (recovery.length() != 10) {
			return Verification.REFUSED;
		}
		// Salted, slow hashes (ASVS 6.5.2: the codes have about 50 bits): each unused one is tried.
		for (RecoveryCode candidate : this.recoveryCodes.findUnused(accountId)) {
			if (this.passwordEncoder.matches(recovery, candidate.secretHash())) {
				return (this.recoveryCodes.use(candidate.id(), this.clock.instant()) == 1) ? Verification.RECOVERY_CODE
						: Verification.REFUSED;
			}
		}
		return Verification.REFUSED;
	}

	/**
	 * Removes a person's factor so that they enrol a new one at their next sign-in: for someone who
	 * lost their phone, by an administrator who may manage their account.
	 */
	@Transactional
	public void reset(PortalUser actor, long accountId) {
		if (!this.policy.canAdminister(actor)) {
			throw new AccessDeniedException("Resetting a second factor is for administrators");
		}
		Account account = this.accounts.findWithRolesById(accountId).orElseThrow(NotFoundException::new);
		if (!this.policy.canManage(actor, account)) {
			throw new NotFoundException();
		}
		remove(account);
	}

	/** A person without a role that needs it may stop using a factor they chose to enrol. */
	@Transactional
	public void turnOff(PortalUser user) {
		if (user.roles().stream().anyMatch(Role::requiresSecondFactor)) {
			throw new InvalidInputException(null, "twoFactor.off.required");
		}
		remove(this.accounts.findById(user.id()).orElseThrow(NotFoundException::new));
	}

	private void remove(Account account) {
		SecondFactor factor = this.factors.findById(account.getId()).orElseThrow(NotFoundException::new);
		this.recoveryCodes.deleteForAccount(account.getId());
		this.factors.delete(factor);
		account.secondFactorChanged();
		this.events.publishEvent(new AccountCredentialsChanged(account.getId(), account.getUsername()));
	}

	private List<String> replaceRecoveryCodes(long accountId) {
		this.recoveryCodes.deleteForAccount(accountId);
		List<String> codes = new ArrayList<>(RECOVERY_CODES);
		for (int i = 0; i < RECOVERY_CODES; i++) {
			StringBuilder code = new StringBuilder(10);
			for (int c = 0; c < 10; c++) {
				code.append(RECOVERY_ALPHABET[this.random.nextInt(RECOVERY_ALPHABET.length)]);
			}
			this.recoveryCodes.save(new RecoveryCode(accountId, this.passwordEncoder.encode(code.toString())));
			codes.add(code.substring(0, 5) + "-" + code.substring(5));
		}
		return codes;
	}

	/**
	 * The time step whose code is the one typed: this one, or the one before for a code that took
	 * a few seconds to arrive on a slow line (RFC 6238, 5.2).
	 */
	private Optional<Long> matchingStep(byte[] key, String code) {
		String typed = (code == null) ? "" : code.strip().replace(" ", "");
		if (!typed.matches("\\d{6}")) {
			return Optional.empty();
		}
		SecretKeySpec secretKey = new SecretKeySpec(key, this.totp.getAlgorithm());
		long period = this.totp.getTimeStep().getSeconds();
		long now = this.wallClock.instant().getEpochSecond() / period;
		try {
			for (long step = now - 1; step <= now; step++) {
				String expected = this.totp.generateOneTimePasswordString(secretKey, Instant.ofEpochSecond(step * period));
				if (MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
						typed.getBytes(StandardCharsets.US_ASCII))) {
					return Optional.of(step);
				}
			}
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
		return Optional.empty();
	}

	private static byte[] decodeSecret(String secret) {
		byte[] key = (secret == null || !secret.matches("[A-Z2-7]{16,}")) ? new byte[0] : new Base32().decode(secret);
		if (key.length < 10) {
			throw new InvalidInputException("code", "twoFactor.code.wrong");
		}
		return key;
	}


	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** A secret offered for enrolment: the text to type, the URI an app reads, its QR code as SVG. */
	public record Enrolment(String secret, String uri, String qrSvg) {
	}

	public record Status(Instant enrolledAt, long recoveryCodesLeft) {
	}

	public enum Verification {

		APP_CODE, RECOVERY_CODE, REFUSED;

		public boolean accepted() {
			return this != REFUSED;
		}

	}

}
