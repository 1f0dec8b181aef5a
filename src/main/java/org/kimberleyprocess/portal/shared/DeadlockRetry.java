package org.kimberleyprocess.portal.shared;

import java.lang.reflect.Method;
import java.time.Duration;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aop.Advisor;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.StaticMethodMatcherPointcutAdvisor;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.ClassUtils;

/**
 * Runs a read-write transaction again when MariaDB chose it as the victim of a deadlock, or when
 * Galera refused it at commit because another node had changed the same rows first (both are
 * error 1213, and the server has rolled the whole transaction back). Two delegations recording
 * at the same moment then both land, instead of one being shown an error for a conflict it could
 * not see. Every {@code @Transactional} method that is not read-only is covered, without a word
 * in the services: the advice sits just outside the transaction interceptor, so each attempt is
 * a transaction of its own.
 * <p>
 * Only the outermost transaction is run again: a method called inside a transaction that is
 * already under way passes the failure on, and the method that began the transaction runs
 * again, with everything it did. Three attempts at most, a few tens of milliseconds apart and at
 * random, so two losers do not meet again in step. Nothing else is retried: a lock wait that
 * timed out has already waited for {@code innodb_lock_wait_timeout} and would keep the reader
 * waiting as long again, and an optimistic-lock failure is a person's change that somebody
 * else's overtook, which they must see. A method it runs again takes its arguments as values
 * (identifiers, form data), not entities loaded outside its transaction; the portal's do.
 */
@Configuration(proxyBeanMethods = false)
class DeadlockRetry {

	static final int ATTEMPTS = 3;

	static final Duration FIRST_DELAY = Duration.ofMillis(20);

	static final Duration JITTER = Duration.ofMillis(30);

	static final Duration MAX_DELAY = Duration.ofMillis(200);

	private static final Logger log = LoggerFactory.getLogger(DeadlockRetry.class);

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor deadlockRetryAdvisor() {
		StaticMethodMatcherPointcutAdvisor advisor = new ReadWriteTransactions();
		advisor.setAdvice(new RetryOutermost(retries()));
		// Outside the transaction interceptor, whose order is the lowest precedence.
		advisor.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
		return advisor;
	}

	static RetryTemplate retries() {
		RetryPolicy policy = RetryPolicy.builder()
			.maxRetries(ATTEMPTS - 1)
			.delay(FIRST_DELAY)
			.jitter(JITTER)
			.multiplier(2)
			.maxDelay(MAX_DELAY)
			.predicate(DatabaseFaults::deadlock)
			.build();
		RetryTemplate retries = new RetryTemplate(policy);
		retries.setRetryListener(new RetryListener() {

			@Override
			public void beforeRetry(RetryPolicy retryPolicy, Retryable<?> retryable, RetryState state) {
				log.info("Running {} again (attempt {} of {}): {}", retryable.getName(), state.getRetryCount() + 1,
						ATTEMPTS, DatabaseFaults.describe(state.getLastException()));
			}

			@Override
			public void onRetryPolicyExhaustion(RetryPolicy retryPolicy, Retryable<?> retryable,
					RetryException exception) {
				if (DatabaseFaults.deadlock(exception.getCause())) {
					log.warn("Gave up on {} after {} attempts: {}", retryable.getName(), ATTEMPTS,
							DatabaseFaults.describe(exception.getCause()));
				}
			}

		});
		return retries;
	}

	/** The methods that begin a read-write transaction when none is under way. */
	static final class ReadWriteTransactions extends StaticMethodMatcherPointcutAdvisor {

		private final AnnotationTransactionAttributeSource transactions = new AnnotationTransactionAttributeSource(
				false);

		ReadWriteTransactions() {
			setClassFilter(this.transactions::isCandidateClass);
		}

		@Override
		public boolean matches(Method method, Class<?> targetClass) {
			TransactionAttribute attribute = this.transactions.getTransactionAttribute(method, targetClass);
			if (attribute == null || attribute.isReadOnly()) {
				return false;
			}
			int propagation = attribute.getPropagationBehavior();
			return propagation == TransactionDefinition.PROPAGATION_REQUIRED
					|| propagation == TransactionDefinition.PROPAGATION_REQUIRES_NEW
					|| propagation == TransactionDefinition.PROPAGATION_NESTED;
		}

	}

	/** Runs the invocation under the retry policy when it begins the outermost transaction. */
	static final class RetryOutermost implements MethodInterceptor {

		private final RetryTemplate retries;

		RetryOutermost(RetryTemplate retries) {
			this.retries = retries;
		}

		@Override
		public Object invoke(MethodInvocation invocation) throws Throwable {
			if (TransactionSynchronizationManager.isActualTransactionActive()
					|| !(invocation instanceof ProxyMethodInvocation proxied)) {
				return invocation.proceed();
			}
			try {
				return this.retries.execute(new Retryable<Object>() {

					@Override
					public Object execute() throws Throwable {
						return proxied.invocableClone().proceed();
					}

					@Override
					public String getName() {
						return ClassUtils.getQualifiedMethodName(invocation.getMethod(),
								(invocation.getThis() != null) ? invocation.getThis().getClass() : null);
					}

				});
			}
			catch (RetryException ex) {
				throw ex.getCause();
			}
		}

	}

}
