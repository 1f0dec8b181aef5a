package org.kimberleyprocess.portal.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import java.time.Clock;

import org.kimberleyprocess.portal.chairs.ChairSchedule;
import org.kimberleyprocess.portal.directory.AccountDirectory;
import org.kimberleyprocess.portal.directory.DirectoryQueries;
import org.kimberleyprocess.portal.directory.OrganisationKind;
import org.kimberleyprocess.portal.directory.Role;
import org.kimberleyprocess.portal.directory.AccountDirectory.SessionCheck;
import org.kimberleyprocess.portal.directory.PortalUser;

/**
 * Keeps every signed-in session in step with its account, on every node: a deactivated account's
 * sessions end at their next request, changed roles apply at once, and a person with a
 * temporary password is sent to change it first.
 */
class SessionCheckFilter extends OncePerRequestFilter {

	static final String PASSWORD_PAGE = "/account/password";

	private final AccountDirectory accounts;

	private final SecurityContextRepository contextRepository;

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	private final ChairSchedule schedule;

	private final Clock clock;

	private final DirectoryQueries directory;

	SessionCheckFilter(AccountDirectory accounts, SecurityContextRepository contextRepository, ChairSchedule schedule,
			DirectoryQueries directory, Clock clock) {
		this.directory = directory;
		this.accounts = accounts;
		this.contextRepository = contextRepository;
		this.schedule = schedule;
		this.clock = clock;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/images/")
				|| path.equals("/favicon.ico");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = this.holder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof PortalUser user)) {
			chain.doFilter(request, response);
			return;
		}
		SessionCheck check = this.accounts.check(user);
		if (check == SessionCheck.STALE) {
			PortalUser current = this.accounts.reload(user.id()).filter(PortalUser::isEnabled).orElse(null);
			if (current == null) {
				check = SessionCheck.ENDED;
			}
			else {
				SecurityContext context = this.holder.createEmptyContext();
				context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(current, null,
						current.getAuthorities()));
				this.holder.setContext(context);
				this.contextRepository.saveContext(context, request, response);
				check = this.accounts.check(current);
			}
		}
		if (check == SessionCheck.ENDED) {
			new SecurityContextLogoutHandler().logout(request, response, authentication);
			response.sendRedirect(request.getContextPath() + "/login?ended");
			return;
		}
		if (check == SessionCheck.PASSWORD_CHANGE_REQUIRED && !mayVisitBeforeChangingPassword(request)) {
			response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
			return;
		}
		applyOfficeTerm();
		chain.doFilter(request, response);
	}

	/**
	 * The Chair's office of a Participant acts only while that Participant chairs: outside its
	 * term the role is set aside for the request, so rights switch at midnight UTC on 1 January
	 * by the application clock, with no manual step.
	 */
	private void applyOfficeTerm() {
		Authentication authentication = this.holder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof PortalUser user)) {
			return;
		}
		PortalUser outOfTerm = user;
		if (user.has(Role.CHAIRS_OFFICE) && user.organisationKind() == OrganisationKind.PARTICIPANT
				&& !this.schedule.holdsOffice(user.organisationId(), this.clock.instant())) {
			outOfTerm = outOfTerm.without(Role.CHAIRS_OFFICE);
		}
		if (user.has(Role.WORKING_GROUP_CHAIR) && this.directory.chairedGroupIds(user.id()).isEmpty()) {
			outOfTerm = outOfTerm.without(Role.WORKING_GROUP_CHAIR);
		}
		if (outOfTerm != user) {
			SecurityContext context = this.holder.createEmptyContext();
			context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(outOfTerm, null,
					outOfTerm.getAuthorities()));
			this.holder.setContext(context);
		}
	}

	private static boolean mayVisitBeforeChangingPassword(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals(PASSWORD_PAGE) || path.equals("/logout") || path.equals("/error");
	}

}
