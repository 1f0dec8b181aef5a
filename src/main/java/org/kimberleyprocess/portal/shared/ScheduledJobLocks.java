package org.kimberleyprocess.portal.shared;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.provider.sql.DatabaseProduct;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Jobs that must run on one node at a time carry {@code @SchedulerLock}; the lock is a row of the
 * {@code shedlock} table (migration V22), taken with the database's own time. The annotation
 * wraps the method itself (ShedLock's default, {@code PROXY_METHOD}), so it holds for every call
 * through the bean, not only the scheduler's: each module keeps the locked schedule in a method
 * of its own and lets tests call the job's work directly.
 * <p>
 * On Galera a node takes the lock with an {@code UPDATE} of that row; two nodes doing so at the
 * same moment conflict at certification, and the one that loses reads it as "held elsewhere".
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class ScheduledJobLocks {

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.withDatabaseProduct(DatabaseProduct.MARIA_DB)
			.usingDbTime()
			.build());
	}

}
