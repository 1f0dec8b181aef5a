package org.kimberleyprocess.portal.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;


import org.kimberleyprocess.portal.directory.AccountDirectory;
import org.kimberleyprocess.portal.directory.Readers;
import org.kimberleyprocess.portal.directory.Role;
import org.kimberleyprocess.portal.shared.AccessRefused;

@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String LAST_USERNAME = "kp.lastUsername";

	/** No inline script or style anywhere; every asset comes from the portal itself. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	/** What anyone may read without signing in; the pages themselves show only what is public. */
	private static final String[] PUBLIC_PAGES = { "/review-visits", "/review-visits/*", "/calendar/*.ics", "/chairs",
			"/participants", "/communiques", "/communiques/*", "/communiques/*/revisions/*", "/documents",
			"/documents/*", "/documents/*/versions/*", "/documents/*/diff", "/search" };

	@Bean
	SecurityFilterChain portalSecurity(HttpSecurity http, AccountDirectory accounts, Readers readers,
			ApplicationEventPublisher events, SessionLifetimes lifetimes)
			throws Exception {
		AccessDeniedHandlerImpl forbidden = new AccessDeniedHandlerImpl();
		SecurityContextRepository contextRepository = new HttpSessionSecurityContextRepository();
		http.securityContext((context) -> context.securityContextRepository(contextRepository))
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/", "/login", "/error", "/css/**", "/js/**", "/images/**", "/favicon.ico")
				.permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/documents/new", "/communiques/publish", "/communiques/*/corrigendum")
				.authenticated()
				.requestMatchers(HttpMethod.GET, PUBLIC_PAGES)
				.permitAll()
				.requestMatchers(HttpMethod.HEAD, PUBLIC_PAGES)
				.permitAll()
				.requestMatchers("/actuator/**")
				.hasRole(Role.SYSTEM_ADMINISTRATOR.name())
				.requestMatchers("/audit/verify")
				.hasRole(Role.SYSTEM_ADMINISTRATOR.name())
				.requestMatchers("/admin/**", "/audit", "/audit.csv")
				.hasAnyRole(Role.SYSTEM_ADMINISTRATOR.name(), Role.CHAIRS_OFFICE.name())
				.anyRequest()
				.authenticated())
			.formLogin((form) -> form.loginPage("/login")
				.defaultSuccessUrl("/home")
				.failureHandler(failureHandler()))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(signInPage())
				.accessDeniedHandler((request, response, denied) -> {
					events.publishEvent(new AccessRefused(request.getMethod(), request.getRequestURI()));
					forbidden.handle(request, response, denied);
				}))
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
			.requestCache((cache) -> cache.requestCache(pageAskedFor()))
			.sessionManagement((sessions) -> sessions.sessionFixation((fixation) -> fixation.changeSessionId()))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.frameOptions((frames) -> frames.deny()))
			.addFilterBefore(new SessionCheckFilter(accounts, contextRepository, readers, lifetimes), AuthorizationFilter.class);
		return http.build();
	}

	@Bean
	AuthenticationProvider authenticationProvider(AccountDirectory accounts, PasswordEncoder passwordEncoder,
			SignInThrottle throttle) {
		UserDetailsService users = (username) -> accounts.findForSignIn(username)
			.orElseThrow(() -> new UsernameNotFoundException("No such account"));
		DaoAuthenticationProvider passwordCheck = new DaoAuthenticationProvider(users);
		passwordCheck.setPasswordEncoder(passwordEncoder);
		return new ThrottledAuthenticationProvider(passwordCheck, throttle);
	}

	/**
	 * To the sign-in page, telling whoever comes with a session that no longer exists (ended from
	 * another device, by a password change or an administrator, or idle too long) that it ended.
	 */
	private static AuthenticationEntryPoint signInPage() {
		return new LoginUrlAuthenticationEntryPoint("/login") {

			@Override
			protected String determineUrlToUseForThisRequest(HttpServletRequest request, HttpServletResponse response,
					AuthenticationException exception) {
				return (request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid())
						? "/login?ended" : "/login";
			}

		};
	}

	/**
	 * The page a signed-out person asked for, to go on to after signing in, kept in a cookie: a
	 * session would be a row in the database for every signed-out request of a page that needs
	 * signing in. Only a page read is kept, and only as a path of the portal.
	 */
	private static RequestCache pageAskedFor() {
		CookieRequestCache cache = new CookieRequestCache();
		cache.setRequestMatcher((request) -> HttpMethod.GET.matches(request.getMethod()));
		return cache;
	}

	/** Back to the form, with what the person typed as username, and one generic message. */
	private static AuthenticationFailureHandler failureHandler() {
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException ex) -> {
			String username = request.getParameter("username");
			if (username != null) {
				request.getSession().setAttribute(LAST_USERNAME,
						username.length() > 60 ? username.substring(0, 60) : username);
			}
			redirect(request, response, (ex instanceof LockedException) ? "/login?locked" : "/login?error");
		};
	}

	private static void redirect(HttpServletRequest request, HttpServletResponse response, String path)
			throws IOException {
		response.sendRedirect(request.getContextPath() + path);
	}

}
