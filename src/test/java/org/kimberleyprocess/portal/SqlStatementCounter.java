package org.kimberleyprocess.portal;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.QueryCountHolder;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * Counts the SQL statements the current thread sends, so tests can show that a page costs a
 * fixed number of statements whatever the amount of data.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SqlStatementCounter implements BeanPostProcessor {

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
			return ProxyDataSourceBuilder.create(dataSource)
				.name("counted")
				.countQuery()
				.afterMethod((execution) -> {
					if (execution.getMethod().getName().equals("commit")
							&& execution.getTarget() instanceof java.sql.Connection) {
						COMMITS.get().incrementAndGet();
					}
				})
				.build();
		}
		return bean;
	}

	/** Transactions the current thread has committed since {@link #reset()}. */
	private static final ThreadLocal<java.util.concurrent.atomic.AtomicLong> COMMITS = ThreadLocal
		.withInitial(java.util.concurrent.atomic.AtomicLong::new);

	public static void reset() {
		QueryCountHolder.clear();
		COMMITS.get().set(0);
	}

	/** Transactions committed by the current thread since {@link #reset()}. */
	public static long commits() {
		return COMMITS.get().get();
	}

	public static long count() {
		return QueryCountHolder.getGrandTotal().getTotal();
	}

	/** Statements that change data: INSERT, UPDATE, DELETE (and anything else that is no SELECT). */
	public static long writes() {
		var total = QueryCountHolder.getGrandTotal();
		return total.getInsert() + total.getUpdate() + total.getDelete() + total.getOther();
	}

}
