package org.kimberleyprocess.portal.security;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import jakarta.servlet.DispatcherType;

import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.FlushMode;
import org.springframework.session.SaveMode;
import org.springframework.session.Session;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Sessions in MariaDB (the tables of migration V17), so they survive a restart and every node
 * serves every session. A session is written only when something in it changed: at the end of
 * the request ({@link FlushMode#ON_SAVE}), and only the attributes that were set
 * ({@link SaveMode#ON_SET_ATTRIBUTE}); the last access is recorded to the minute
 * ({@link MinuteSessionRepository}). Declaring the configuration here, rather than leaving it to
 * Boot's auto-configuration, is what lets that repository stand in front of Spring Session's:
 * Boot's backs off once the portal provides its own, and so do the {@code spring.session.jdbc.*}
 * properties. The session cookie still follows {@code server.servlet.session.cookie.*}.
 */
@Configuration(proxyBeanMethods = false)
@EnableJdbcHttpSession(flushMode = FlushMode.ON_SAVE, saveMode = SaveMode.ON_SET_ATTRIBUTE)
class SessionConfiguration {

	/**
	 * Until sign-in gives a session its holder's limit, the shorter one applies. Session ids hold
	 * 256 bits from a CSPRNG (a UUID, Spring Session's default, holds 122; ASVS 7.2.3 asks for 128).
	 */
	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionsBeforeSignIn(
			@Value("${portal.sessions.privileged.idle-timeout}") Duration idle) {
		SecureRandom random = new SecureRandom();
		return (repository) -> {
			repository.setDefaultMaxInactiveInterval(idle);
			repository.setSessionIdGenerator(() -> {
				byte[] id = new byte[32];
				random.nextBytes(id);
				return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
			});
		};
	}

	/**
	 * Spring Session's own transactions (a new one for each call, as it makes by default), except
	 * around a session's read, which is one statement. Spring Session finds them by this name.
	 */
	@Bean
	TransactionOperations springSessionTransactionOperations(PlatformTransactionManager transactionManager) {
		TransactionTemplate transactions = new TransactionTemplate(transactionManager);
		transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return new MinuteSessionRepository.ReadsAlone(transactions);
	}

	/**
	 * The transaction template everything else is given, as Boot would declare it had the one
	 * above not made it step back.
	 */
	@Bean
	@Primary
	TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
		return new TransactionTemplate(transactionManager);
	}

	/** The repository the session filter and the portal use; Spring Session's stays behind it. */
	@Bean
	@Primary
	@SuppressWarnings("unchecked")
	MinuteSessionRepository minuteSessions(JdbcIndexedSessionRepository sessions) {
		return new MinuteSessionRepository((FindByIndexNameSessionRepository<Session>) (Object) sessions);
	}

	/** Just outside Spring Session's filter, so the whole of its work reads each session once. */
	@Bean
	FilterRegistrationBean<MinuteSessionRepository.ReadOnce> sessionsReadOnce() {
		FilterRegistrationBean<MinuteSessionRepository.ReadOnce> registration = new FilterRegistrationBean<>(
				new MinuteSessionRepository.ReadOnce());
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		return registration;
	}

	/**
	 * Outside both, so that a session the database cannot give or take is answered like every
	 * other request while the database is unreachable: 503, never a 500.
	 */
	@Bean
	FilterRegistrationBean<DatabaseOutageFilter> databaseOutagePage(ObjectProvider<ThymeleafViewResolver> views,
			ObjectProvider<LocaleResolver> locales, ObjectProvider<ResourceUrlProvider> assets,
			@Value("${portal.database-outage.retry-after}") Duration retryAfter) {
		FilterRegistrationBean<DatabaseOutageFilter> registration = new FilterRegistrationBean<>(
				new DatabaseOutageFilter(views, locales, assets, retryAfter));
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 2);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

}
