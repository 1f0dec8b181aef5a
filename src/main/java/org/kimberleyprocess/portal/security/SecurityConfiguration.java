package org.kimberleyprocess.portal.security;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagerFactory;
import org.springframework.security.authorization.DefaultAuthorizationManagerFactory;
import org.springframework.security.config.annotation.authorization.EnableMultiFactorAuthentication;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.DelegatingMissingAuthorityAccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;


import org.kimberleyprocess.portal.directory.AccountDirectory;
import org.kimberleyprocess.portal.directory.PortalUser;
import org.kimberleyprocess.portal.directory.SecondFactors;
import org.kimberleyprocess.portal.directory.Readers;
import org.kimberleyprocess.portal.directory.Role;
import org.kimberleyprocess.portal.shared.AccessRefused;
import org.kimberleyprocess.portal.shared.PortalClock;

@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableMultiFactorAuthentication(authorities = {})
class SecurityConfiguration {

	static final String LAST_USERNAME = "kp.lastUsername";

	static final String SIGN_IN_WAIT = "kp.signInWait";

	/** No inline script or style anywhere; every asset comes from the portal itself. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	/** What anyone may read without signing in; the pages themselves show only what is public. */
	private static final String[] PUBLIC_PAGES = { "/review-visits", "/review-visits/*", "/calendar/*.ics", "/chairs",
			"/participants", "/communiques", "/communiques/*", "/communiques/*/revisions/*", "/documents",
			"/documents/*", "/documents/*/versions/*", "/documents/*/diff", "/search",
			"/statistics", "/statistics/{year:[0-9]+}", "/statistics/{year:[0-9]+}.csv", "/statistics/participants/*",
			"/annual-reports/register" };

	private static final SecondFactorRequirement SECOND_FACTOR = new SecondFactorRequirement();

	/**
	 * Every rule below ({@code authenticated()}, {@code hasRole(...)}) also needs both factors from
	 * those whose roles or choice require a second one.
	 */
	@Bean
	AuthorizationManagerFactory<Object> authorizationManagerFactory() {
		DefaultAuthorizationManagerFactory<Object> factory = new DefaultAuthorizationManagerFactory<>();
		factory.setAdditionalAuthorization(SECOND_FACTOR);
		return factory;
	}

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new HttpSessionSecurityContextRepository();
	}

	@Bean
	SecurityFilterChain portalSecurity(HttpSecurity http, AccountDirectory accounts, Readers readers,
			ApplicationEventPublisher events, SecurityContextRepository contextRepository,
			SecondFactors secondFactors, SignInThrottle throttle, PortalClock clock,
			AuthenticationEventPublisher authenticationEvents,
			@Value("${portal.sign-in.reauthentication:PT10M}") Duration reauthentication, SessionLifetimes lifetimes)
			throws Exception {
		AccessDeniedHandlerImpl forbidden = new AccessDeniedHandlerImpl();
		RequestCache requestCache = pageAskedFor();
		DelegatingMissingAuthorityAccessDeniedHandler deniedHandler = DelegatingMissingAuthorityAccessDeniedHandler
			.builder()
			.addEntryPointFor(new LoginUrlAuthenticationEntryPoint(SecondFactorController.CODE_PAGE),
					SecondFactorRequirement.AUTHORITY)
			.addEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), FactorGrantedAuthority.PASSWORD_AUTHORITY)
			.build();
		deniedHandler.setRequestCache(requestCache);
		deniedHandler.setDefaultAccessDeniedHandler((request, response, denied) -> {
			events.publishEvent(new AccessRefused(request.getMethod(), request.getRequestURI()));
			forbidden.handle(request, response, denied);
		});
		// Where a person who has given only their password may go: the code step and, for someone
		// who must enrol a factor first, the enrolment page (which checks the rest itself).
		AuthenticatedAuthorizationManager<Object> passwordOnly = AuthenticatedAuthorizationManager.authenticated();
		AuthorizationManager<Object> recentFactors = SecondFactorRequirement.recentFactors(reauthentication,
				clock.wallClock());
		http.securityContext((context) -> context.securityContextRepository(contextRepository))
			.requestCache((cache) -> cache.requestCache(requestCache))
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/login", "/error", "/css/**", "/js/**", "/images/**", "/favicon.ico")
				.permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers(SecondFactorController::replacesFactor)
				.access(recentFactors)
				.requestMatchers(HttpMethod.POST, SecondFactorController.ENROL_PAGE + "/**")
				.access(recentFactors)
				// Ending sessions, too, needs the factors given lately (ASVS 7.5.2).
				.requestMatchers(HttpMethod.POST, "/account/sessions/**")
				.access(recentFactors)
				// An emailed link's pages: whoever holds the link; they sign in nobody.
				.requestMatchers("/invitations/**", "/password-reset/**")
				.permitAll()
				.requestMatchers(SecondFactorController.CODE_PAGE, SecondFactorController.ENROL_PAGE)
				.access(passwordOnly)
				.requestMatchers(HttpMethod.GET, "/documents/new", "/communiques/publish", "/communiques/*/corrigendum")
				.authenticated()
				.requestMatchers(HttpMethod.GET, "/")
				.access(SECOND_FACTOR.orAnonymous())
				.requestMatchers(HttpMethod.GET, PUBLIC_PAGES)
				.access(SECOND_FACTOR.orAnonymous())
				.requestMatchers(HttpMethod.HEAD, PUBLIC_PAGES)
				.access(SECOND_FACTOR.orAnonymous())
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
				.accessDeniedHandler(deniedHandler))
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
			.sessionManagement((sessions) -> sessions.sessionFixation((fixation) -> fixation.changeSessionId()))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.frameOptions((frames) -> frames.deny()))
			.addFilterAfter(codeStep(secondFactors, throttle, clock, authenticationEvents, contextRepository,
					requestCache), UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(new SessionCheckFilter(accounts, contextRepository, readers, lifetimes), AuthorizationFilter.class);
		return http.build();
	}

	/**
	 * The second step of signing in: Spring Security's authentication filter with a provider for
	 * the code, so that, multi-factor support on, the result keeps the password's factor and the
	 * person's roles and adds the code's.
	 */
	private static AuthenticationFilter codeStep(SecondFactors secondFactors, SignInThrottle throttle, PortalClock clock,
			AuthenticationEventPublisher authenticationEvents, SecurityContextRepository contextRepository,
			RequestCache requestCache) {
		ProviderManager manager = new ProviderManager(
				new SecondFactorAuthenticationProvider(secondFactors, throttle, clock));
		manager.setAuthenticationEventPublisher(authenticationEvents);
		AuthenticationFilter filter = new AuthenticationFilter(manager, (request) -> {
			Authentication current = org.springframework.security.core.context.SecurityContextHolder.getContext()
				.getAuthentication();
			if (current == null || !(current.getPrincipal() instanceof PortalUser user)) {
				return null;
			}
			SecondFactorCode code = new SecondFactorCode(user, request.getParameter("code"));
			code.setDetails(new WebAuthenticationDetails(request));
			return code;
		});
		filter.setRequestMatcher(
				PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, SecondFactorController.CODE_PAGE));
		SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();
		success.setDefaultTargetUrl("/home");
		success.setRequestCache(requestCache);
		filter.setSuccessHandler(success);
		filter.setFailureHandler((request, response, ex) -> {
			if (ex instanceof ThrottledAuthenticationProvider.SignInThrottledException throttled) {
				request.getSession().setAttribute(SIGN_IN_WAIT, throttled.waitSeconds());
			}
			redirect(request, response, SecondFactorController.CODE_PAGE
					+ ((ex instanceof LockedException) ? "?locked" : "?error"));
		});
		filter.setSecurityContextRepository(contextRepository);
		filter.setMfaEnabled(true);
		return filter;
	}

	@Bean
	AuthenticationProvider authenticationProvider(AccountDirectory accounts, PasswordEncoder passwordEncoder,
			SignInThrottle throttle) {
		UserDetailsService users = (username) -> accounts.findForSignIn(username)
			.orElseThrow(() -> new UsernameNotFoundException("No such account"));
		DaoAuthenticationProvider passwordCheck = new DaoAuthenticationProvider(users);
		passwordCheck.setPasswordEncoder(passwordEncoder);
		passwordCheck.setUserDetailsPasswordService(new PasswordHashUpgrade(accounts));
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
			if (ex instanceof ThrottledAuthenticationProvider.SignInThrottledException throttled) {
				request.getSession().setAttribute(SIGN_IN_WAIT, throttled.waitSeconds());
			}
			redirect(request, response, (ex instanceof LockedException) ? "/login?locked" : "/login?error");
		};
	}

	private static void redirect(HttpServletRequest request, HttpServletResponse response, String path)
			throws IOException {
		response.sendRedirect(request.getContextPath() + path);
	}

}
