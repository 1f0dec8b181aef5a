package org.kimberleyprocess.portal.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import org.kimberleyprocess.portal.directory.AccountDirectory.SessionCheck;
import org.kimberleyprocess.portal.directory.AccountDirectory;
import org.kimberleyprocess.portal.directory.PortalUser;
import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.directory.Readers;

/**
 * Keeps every signed-in session in step with its account, on every node: a deactivated account's
 * sessions end at their next request, as does a session that has outlived its lifetime, changed
 * roles apply at once, and a person with a temporary password is sent to change it first.
 */
class SessionCheckFilter extends OncePerRequestFilter {

	static final String PASSWORD_PAGE = "/account/password";

	private final AccountDirectory accounts;

	private final SecurityContextRepository contextRepository;

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	private final Readers readers;

	private final SessionLifetimes lifetimes;

	SessionCheckFilter(AccountDirectory accounts, SecurityContextRepository contextRepository, Readers readers,
			SessionLifetimes lifetimes) {
		this.accounts = accounts;
		this.contextRepository = contextRepository;
		this.readers = readers;
		this.lifetimes = lifetimes;
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
		SessionCheck check = this.readers.check(user).check();
		if (check == SessionCheck.STALE) {
			PortalUser current = this.accounts.reload(user.id()).filter(PortalUser::isEnabled).orElse(null);
			if (current == null) {
				check = SessionCheck.ENDED;
			}
			else {
				SecurityContext context = this.holder.createEmptyContext();
				context.setAuthentication(signedIn(current, authentication));
				this.holder.setContext(context);
				this.contextRepository.saveContext(context, request, response);
				check = this.readers.check(current).check();
			}
		}
		if (check == SessionCheck.ENDED || !this.lifetimes.goesOn(request, user, this.readers.current().roles())) {
			new SecurityContextLogoutHandler().logout(request, response, authentication);
			response.sendRedirect(request.getContextPath() + "/login?ended");
			return;
		}
		if (check == SessionCheck.PASSWORD_CHANGE_REQUIRED && !mayVisitBeforeChangingPassword(request)) {
			response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
			return;
		}
		applyRolesNow(request);
		chain.doFilter(request, response);
	}

	/**
	 * The roles a person holds now, as the directory's one rule decides them (office terms, group
	 * chairs' terms): the request's reader is built once here, and the request's authorities are
	 * those roles, so URL rules and templates see the same rights as the services.
	 */
	private void applyRolesNow(HttpServletRequest request) {
		Authentication authentication = this.holder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof PortalUser user)) {
			return;
		}
		Reader reader = this.readers.current();
		PortalUser now = user.withRoles(reader.roles());
		if (now != user) {
			SecurityContext context = this.holder.createEmptyContext();
			context.setAuthentication(signedIn(now, authentication));
			this.holder.setContext(context);
		}
	}

	/**
	 * The person's roles as they stand, with the factors this sign-in has already given (the
	 * password's, the code's and when each was given), which a change of roles does not undo.
	 */
	private static Authentication signedIn(PortalUser user, Authentication previous) {
		List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
		for (GrantedAuthority authority : previous.getAuthorities()) {
			if (authority instanceof FactorGrantedAuthority) {
				authorities.add(authority);
			}
		}
		return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
	}

	/** The second step comes first: a temporary password is changed once both factors are given. */
	private static boolean mayVisitBeforeChangingPassword(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals(PASSWORD_PAGE) || path.equals("/logout") || path.equals("/error")
				|| path.equals(SecondFactorController.CODE_PAGE) || path.startsWith(SecondFactorController.ENROL_PAGE);
	}

}
