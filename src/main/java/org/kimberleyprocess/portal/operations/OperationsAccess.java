package org.kimberleyprocess.portal.operations;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Who reaches the actuator. On the public port: the health checks of load balancers and
 * orchestrators only ({@code /actuator/health}, its {@code liveness} and {@code readiness}
 * groups, status without details); every other actuator path answers 404, whoever asks. On the
 * operations port: the actuator only, without signing in (the port's address is the protection);
 * the portal's pages answer 404 there.
 */
@Configuration(proxyBeanMethods = false)
class OperationsAccess {

	@Bean
	OperationsGate operationsGate(OperationsPort port,
			@Value("${management.endpoints.web.base-path:/actuator}") String basePath) {
		return new OperationsGate(port, basePath);
	}

	/** Before the portal's own rules, which would send an unknown caller to the sign-in page. */
	@Bean
	@Order(1)
	SecurityFilterChain operationsSecurity(HttpSecurity http, OperationsPort port) throws Exception {
		http.securityMatcher(port::serves)
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.securityContext((context) -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable());
		return http.build();
	}

	@Order(Ordered.HIGHEST_PRECEDENCE + 20)
	static class OperationsGate extends OncePerRequestFilter {

		private static final UrlPathHelper PATHS = UrlPathHelper.defaultInstance;

		private final OperationsPort port;

		private final String basePath;

		private final Set<String> publicPaths;

		OperationsGate(OperationsPort port, String basePath) {
			this.port = port;
			this.basePath = basePath;
			this.publicPaths = Set.of(basePath + "/health", basePath + "/health/liveness",
					basePath + "/health/readiness");
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			// Decoded and without ;parameters, as the handler mappings will match it.
			String path = PATHS.getPathWithinApplication(request);
			boolean actuator = path.equals(this.basePath) || path.startsWith(this.basePath + "/");
			boolean allowed = this.port.serves(request) ? actuator : (!actuator || this.publicPaths.contains(path));
			if (!allowed) {
				response.sendError(HttpStatus.NOT_FOUND.value());
				return;
			}
			chain.doFilter(request, response);
		}

	}

}
