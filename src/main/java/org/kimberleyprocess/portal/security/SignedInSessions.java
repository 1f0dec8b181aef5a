package org.kimberleyprocess.portal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpSession;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import org.kimberleyprocess.portal.directory.AccountCredentialsChanged;
import org.kimberleyprocess.portal.directory.PortalUser;
import org.kimberleyprocess.portal.directory.Role;
import org.kimberleyprocess.portal.security.SessionEnded.Reason;
import org.kimberleyprocess.portal.shared.NotFoundException;

/**
 * A person's signed-in sessions, on every node: listed for their holder, and ended by the holder
 * or when the account's password or state changes. Sessions are found by the username Spring
 * Session indexes; a session is named outside by a digest of its identifier, never by the
 * identifier itself, which would let whoever reads it act in the session.
 */
@Service
class SignedInSessions {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final SessionLifetimes lifetimes;

	private final ApplicationEventPublisher events;

	SignedInSessions(FindByIndexNameSessionRepository<? extends Session> sessions, SessionLifetimes lifetimes,
			ApplicationEventPublisher events) {
		this.sessions = sessions;
		this.lifetimes = lifetimes;
		this.events = events;
	}

	/** One session as its holder sees it; times on the portal's clock. */
	record SessionView(String reference, Device device, String address, Instant signedInAt, Instant lastUsed,
			boolean current) {
	}

	/** The person's sessions that may still be used, this one first, then the most recently used. */
	List<SessionView> of(PortalUser user, Set<Role> rolesNow, String currentId) {
		return this.sessions.findByPrincipalName(user.getUsername())
			.values()
			.stream()
			.filter((session) -> usable(session, rolesNow))
			.map((session) -> view(session, currentId))
			.sorted(Comparator.comparing(SessionView::current)
				.thenComparing(SessionView::lastUsed)
				.reversed())
			.toList();
	}

	/**
	 * Ends one of the person's sessions, named by its reference; a reference that names none of
	 * theirs is not found, whoever's session it names. The current session is not ended here: its
	 * holder signs out of it.
	 */
	void end(PortalUser user, String reference, String currentId) {
		Session session = this.sessions.findByPrincipalName(user.getUsername())
			.values()
			.stream()
			.filter((candidate) -> matches(reference, candidate.getId()))
			.findFirst()
			.orElseThrow(NotFoundException::new);
		if (!session.getId().equals(currentId)) {
			this.sessions.deleteById(session.getId());
		}
		announce(user.getUsername(), Reason.ENDED_BY_HOLDER, session);
	}

	/** Ends every session of the person but the current one; answers how many. */
	int endOthers(PortalUser user, String currentId) {
		return endAllBut(user.getUsername(), currentId, Reason.ENDED_BY_HOLDER);
	}

	/**
	 * When a password changes or is reset, or an account is deactivated, the account's sessions end
	 * at once, on every node; the one of the request that made the change goes on when its holder
	 * made it (the security stamp check refreshes it). Handled as the change is made, in its
	 * transaction: the audit entries commit with the change, and a failure to end the sessions
	 * undoes it. The sessions' rows are deleted in transactions of their own (Spring Session's), so
	 * should the change itself fail to commit, its sessions have ended all the same: the safe side.
	 */
	@EventListener
	void credentialsChanged(AccountCredentialsChanged event) {
		endAllBut(event.username(), sessionOfTheChange(event.accountId()), Reason.CREDENTIALS_CHANGED);
	}

	private int endAllBut(String username, String keptId, Reason reason) {
		int ended = 0;
		for (Session session : this.sessions.findByPrincipalName(username).values()) {
			if (!session.getId().equals(keptId)) {
				this.sessions.deleteById(session.getId());
				announce(username, reason, session);
				ended++;
			}
		}
		return ended;
	}

	private void announce(String username, Reason reason, Session session) {
		SignedIn signedIn = session.getAttribute(SignedIn.ATTRIBUTE);
		this.events.publishEvent(
				new SessionEnded(username, reason, (signedIn == null) ? "a session" : signedIn.describe()));
	}

	/** The session of the current request, if the account's own holder is making the change. */
	private static String sessionOfTheChange(long accountId) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				|| authentication == null || !(authentication.getPrincipal() instanceof PortalUser user)
				|| user.id() != accountId) {
			return null;
		}
		HttpSession session = attributes.getRequest().getSession(false);
		return (session == null) ? null : session.getId();
	}

	/**
	 * Neither idle too long nor past its lifetime, by the rule the session check applies at the
	 * session's next request: the roles it was signed in with, and those held now.
	 */
	private boolean usable(Session session, Set<Role> rolesNow) {
		if (session.isExpired()) {
			return false;
		}
		SignedIn signedIn = session.getAttribute(SignedIn.ATTRIBUTE);
		SecurityContext context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		if (signedIn == null || context == null || context.getAuthentication() == null
				|| !(context.getAuthentication().getPrincipal() instanceof PortalUser holder)) {
			return true;
		}
		return !this.lifetimes.outlived(signedIn.at(), this.lifetimes.limitsFor(holder, rolesNow));
	}

	private SessionView view(Session session, String currentId) {
		SignedIn signedIn = session.getAttribute(SignedIn.ATTRIBUTE);
		Instant lastUsed = this.lifetimes.onPortalClock(session.getLastAccessedTime());
		return (signedIn == null)
				? new SessionView(reference(session.getId()), Device.UNKNOWN, "", lastUsed, lastUsed,
						session.getId().equals(currentId))
				: new SessionView(reference(session.getId()), signedIn.device(), signedIn.address(), signedIn.at(),
						lastUsed, session.getId().equals(currentId));
	}

	/** A session's name on pages and in forms: a digest of its identifier, which cannot be turned back into it. */
	static String reference(String sessionId) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(sha256(sessionId), 16));
	}

	private static boolean matches(String reference, String sessionId) {
		return MessageDigest.isEqual(reference.getBytes(StandardCharsets.US_ASCII),
				reference(sessionId).getBytes(StandardCharsets.US_ASCII));
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
