package org.kimberleyprocess.portal.audit;

import jakarta.persistence.EntityManagerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The portal's transaction manager: Boot's JPA one, except that a read-write transaction flushes
 * its changes just before committing, while the audit trail can still write the entries those
 * changes make in the same transaction. Left to the commit itself, the flush of a transaction
 * that only changed or removed entities would come after the trail's last chance to write.
 */
@Configuration(proxyBeanMethods = false)
class AuditedTransactions {

	@Bean
	JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
		return new FlushBeforeCommit(entityManagerFactory);
	}

	static final class FlushBeforeCommit extends JpaTransactionManager {

		FlushBeforeCommit(EntityManagerFactory entityManagerFactory) {
			super(entityManagerFactory);
		}

		@Override
		protected void prepareForCommit(DefaultTransactionStatus status) {
			super.prepareForCommit(status);
			if (status.isNewTransaction() && !status.isReadOnly()) {
				EntityManagerHolder holder = (EntityManagerHolder) TransactionSynchronizationManager
					.getResource(obtainEntityManagerFactory());
				if (holder != null) {
					holder.getEntityManager().flush();
				}
			}
		}

	}

}
