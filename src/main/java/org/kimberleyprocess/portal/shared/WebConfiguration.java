package org.kimberleyprocess.portal.shared;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** English and French, chosen with {@code ?lang=} and remembered in a cookie. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final org.springframework.transaction.PlatformTransactionManager transactions;

	WebConfiguration(org.springframework.transaction.PlatformTransactionManager transactions) {
		this.transactions = transactions;
	}

	static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH);

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("kp-lang");
		resolver.setDefaultLocale(Locale.ENGLISH);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieHttpOnly(true);
		resolver.setCookieSameSite("Lax");
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor() {
			@Override
			public boolean preHandle(jakarta.servlet.http.HttpServletRequest request,
					jakarta.servlet.http.HttpServletResponse response, Object handler)
					throws jakarta.servlet.ServletException {
				String language = request.getParameter(getParamName());
				if (language != null && SUPPORTED.stream().noneMatch((l) -> l.getLanguage().equals(language))) {
					return true;
				}
				return super.preHandle(request, response, handler);
			}
		};
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
		registry.addInterceptor(new ReadOnlyPages(this.transactions));
	}

	/**
	 * A request that met the database unavailable is answered by the 503 page, outside Spring MVC
	 * (security/DatabaseOutageFilter), so its failure must leave the dispatcher. Spring MVC's own
	 * resolver would keep some: a transaction that could not begin on a connection the server had
	 * closed has an {@code EOFException} among its causes, which it takes for a reader who went
	 * away, answering an empty 200.
	 */
	@Override
	public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
		resolvers.add(0, (request, response, handler, ex) -> {
			if (ex instanceof RuntimeException failure && DatabaseFaults.temporary(failure)) {
				throw failure;
			}
			return null;
		});
	}

}
