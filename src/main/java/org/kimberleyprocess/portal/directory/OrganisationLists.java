package org.kimberleyprocess.portal.directory;

import java.time.Duration;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The lists of organisations that nearly every page shows (names, the public register), read
 * once and kept for a minute. This node forgets them as soon as a change to an organisation
 * commits; another node shows the change within {@link #FRESH_FOR}.
 */
@Component
class OrganisationLists {

	static final Duration FRESH_FOR = Duration.ofMinutes(1);

	private final Cache<String, Object> lists = Caffeine.newBuilder().expireAfterWrite(FRESH_FOR).maximumSize(16).build();

	/** The list kept under the name, read when missing or older than {@link #FRESH_FOR}. */
	@SuppressWarnings("unchecked")
	<T> T get(String name, Supplier<T> read) {
		return (T) this.lists.get(name, (key) -> read.get());
	}

	/** Forgets every list once the current transaction commits (at once outside one). */
	void forgetAfterCommit() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			this.lists.invalidateAll();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				OrganisationLists.this.lists.invalidateAll();
			}
		});
	}

}
