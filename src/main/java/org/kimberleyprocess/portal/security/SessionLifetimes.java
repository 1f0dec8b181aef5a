package org.kimberleyprocess.portal.security;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import org.kimberleyprocess.portal.directory.PortalUser;
import org.kimberleyprocess.portal.directory.Readers;
import org.kimberleyprocess.portal.directory.Role;
import org.kimberleyprocess.portal.shared.PortalClock;

/**
 * How long a signed-in session lasts: an idle limit and a lifetime from sign-in, shorter for the
 * roles that decide, publish and administer. The idle limit is the session's own maximum
 * inactive interval, which Spring Session checks and cleans up by the system clock; the
 * lifetime is the portal's decision, by the portal's clock, checked on every request.
 */
@Component
class SessionLifetimes {

	/** Whoever holds one of these roles, by their account or now, gets the shorter limits. */
	static final Set<Role> PRIVILEGED = EnumSet.of(Role.CHAIRS_OFFICE, Role.HEAD_OF_DELEGATION, Role.ALTERNATE,
			Role.WORKING_GROUP_CHAIR, Role.SYSTEM_ADMINISTRATOR);

	private final PortalClock clock;

	private final Readers readers;

	private final ApplicationEventPublisher events;

	private final Limits privileged;

	private final Limits others;

	SessionLifetimes(PortalClock clock, Readers readers, ApplicationEventPublisher events,
			@Value("${portal.sessions.privileged.idle-timeout}") Duration privilegedIdle,
			@Value("${portal.sessions.privileged.lifetime}") Duration privilegedLifetime,
			@Value("${portal.sessions.idle-timeout}") Duration idle,
			@Value("${portal.sessions.lifetime}") Duration lifetime) {
		this.clock = clock;
		this.readers = readers;
		this.events = events;
		this.privileged = new Limits(privilegedIdle, privilegedLifetime);
		this.others = new Limits(idle, lifetime);
	}

	record Limits(Duration idle, Duration lifetime) {
	}

	/** The stricter of what the account holds and what the person holds now (office terms, group chairs). */
	Limits limitsFor(PortalUser user, Set<Role> rolesNow) {
		boolean privileged = user.roles().stream().anyMatch(PRIVILEGED::contains)
				|| rolesNow.stream().anyMatch(PRIVILEGED::contains);
		return privileged ? this.privileged : this.others;
	}

	/**
	 * Keeps where and when the session was signed in, and gives it the idle limit of the person's
	 * roles. Runs when the password has been accepted, in the request that signs in.
	 */
	@EventListener
	void signedIn(AuthenticationSuccessEvent event) {
		if (!(event.getAuthentication().getPrincipal() instanceof PortalUser user)
				|| !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return;
		}
		HttpServletRequest request = attributes.getRequest();
		HttpSession session = request.getSession();
		session.setAttribute(SignedIn.ATTRIBUTE, signedIn(request));
		session.setMaxInactiveInterval(seconds(limitsFor(user, this.readers.of(user).roles()).idle()));
	}

	/**
	 * Whether the request's session may go on: not once it has lived longer than the person's
	 * lifetime allows, which is then announced for the audit trail. Keeps the session's idle limit
	 * in step with the roles held now, writing only when it changes.
	 */
	boolean goesOn(HttpServletRequest request, PortalUser user, Set<Role> rolesNow) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			return true;
		}
		Limits limits = limitsFor(user, rolesNow);
		SignedIn signedIn = (SignedIn) session.getAttribute(SignedIn.ATTRIBUTE);
		if (signedIn == null) {
			// Signed in by a way that kept no record: the lifetime counts from the first request.
			signedIn = signedIn(request);
			session.setAttribute(SignedIn.ATTRIBUTE, signedIn);
		}
		if (outlived(signedIn.at(), limits)) {
			this.events.publishEvent(
					new SessionEnded(user.getUsername(), SessionEnded.Reason.LIFETIME_REACHED, signedIn.describe()));
			return false;
		}
		if (session.getMaxInactiveInterval() != seconds(limits.idle())) {
			session.setMaxInactiveInterval(seconds(limits.idle()));
		}
		return true;
	}

	/** Whether a session signed in then has lived as long as these limits allow, by the portal's clock. */
	boolean outlived(Instant signedInAt, Limits limits) {
		return !this.clock.instant().isBefore(signedInAt.plus(limits.lifetime()));
	}

	/**
	 * A session's last use on the portal's clock. Spring Session records it by the system clock
	 * (its idle check and clean-up use that clock); the portal's clock may run shifted (the demo's
	 * opens in 2016), so the last use is shown as long ago as it really was.
	 */
	Instant onPortalClock(Instant systemTime) {
		return this.clock.instant().minus(Duration.between(systemTime, this.clock.wallClock().instant()));
	}

	private SignedIn signedIn(HttpServletRequest request) {
		return new SignedIn(this.clock.instant(), Device.of(request.getHeader("User-Agent")), request.getRemoteAddr());
	}

	private static int seconds(Duration duration) {
		return (int) Math.min(Integer.MAX_VALUE, duration.toSeconds());
	}

}
