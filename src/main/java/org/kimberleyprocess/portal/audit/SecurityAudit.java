package org.kimberleyprocess.portal.audit;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.stereotype.Component;

import org.kimberleyprocess.portal.chairs.ChairEvents;
import org.kimberleyprocess.portal.security.SessionEnded;
import org.kimberleyprocess.portal.shared.AccessRefused;
import org.kimberleyprocess.portal.shared.AuditIdentity;

/**
 * Sign-ins, failed sign-ins, sessions ended early, refused requests and the yearly switch of the
 * Chair's office.
 */
@Component
class SecurityAudit {

	private final AuditTrail trail;

	SecurityAudit(AuditTrail trail) {
		this.trail = trail;
	}

	@EventListener
	void signedIn(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof AuditIdentity identity) {
			boolean secondStep = event.getAuthentication()
				.getAuthorities()
				.stream()
				.anyMatch((authority) -> authority instanceof FactorGrantedAuthority
						&& !FactorGrantedAuthority.PASSWORD_AUTHORITY.equals(authority.getAuthority()));
			Object details = event.getAuthentication().getDetails();
			this.trail.record(identity.auditName(), identity.auditOrganisation(),
					secondStep ? "Second factor accepted" : "Signed in", "Account " + event.getAuthentication().getName(),
					(secondStep && "RECOVERY_CODE".equals(String.valueOf(details))) ? "With a recovery code" : "");
		}
	}

	/** The username typed is kept as typed, whether or not an account has it. */
	@EventListener
	void signInFailed(AbstractAuthenticationFailureEvent event) {
		String typed = String.valueOf(event.getAuthentication().getName());
		this.trail.record(typed, "", "Sign-in failed", "Account " + typed,
				event.getException().getClass().getSimpleName());
	}

	/** Entered by whoever ended the session: its holder, an administrator, or the portal itself. */
	@EventListener
	void sessionEnded(SessionEnded event) {
		this.trail.record("Session ended", "Account " + event.username(),
				event.reason().summary() + ": " + event.session());
	}

	@EventListener
	void refused(AccessRefused event) {
		this.trail.record("Access refused", event.method() + " " + event.path(), "403");
	}

	@EventListener
	void officeSwitched(ChairEvents.OfficeSwitched event) {
		this.trail.record("system", "", "Chair's office switched", "Chair's office " + event.year(),
				"From " + event.outgoing() + " to " + event.incoming() + " at " + event.at()
						+ ": the outgoing office's rights ended at midnight UTC");
	}

	@EventListener
	void rotationMissing(ChairEvents.RotationMissing event) {
		this.trail.record("system", "", "Chair rotation missing", "Chair's office " + event.year(),
				"No Chair set for " + event.year() + ": no Participant's Chair's office holds its rights");
	}

}
