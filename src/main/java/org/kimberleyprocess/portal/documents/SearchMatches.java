package org.kimberleyprocess.portal.documents;

import java.time.Duration;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

/**
 * The latest full-text matches of a search, by MariaDB's full-text indexes, kept for a few
 * seconds: during a Plenary many delegations search the same words at once, and each full-text
 * search reads every match. Only ids are kept, never what they point to: every request applies
 * the reading rule, deletions and moderation to them again, so what is kept can make a result
 * late by at most {@link #FRESH_FOR} (on each node), never show what a reader may not see.
 */
@Component
class SearchMatches {

	/** The most matches of each kind kept for one search: the most recently changed. */
	static final int CANDIDATES = 500;

	static final Duration FRESH_FOR = Duration.ofSeconds(20);

	private final DocumentVersionRepository versions;

	private final CommentRepository comments;

	private final Cache<String, List<Long>> documents = Caffeine.newBuilder()
		.expireAfterWrite(FRESH_FOR)
		.maximumSize(1_000)
		.build();

	private final Cache<String, List<Long>> commentMatches = Caffeine.newBuilder()
		.expireAfterWrite(FRESH_FOR)
		.maximumSize(1_000)
		.build();

	SearchMatches(DocumentVersionRepository versions, CommentRepository comments) {
		this.versions = versions;
		this.comments = comments;
	}

	/** Documents whose current title or text match the words (boolean mode), most recently changed first. */
	List<Long> documents(String words) {
		return this.documents.get(words, (key) -> List.copyOf(this.versions.searchCurrentText(key, CANDIDATES)));
	}

	/** Comments whose text matches the words (boolean mode), newest first. */
	List<Long> comments(String words) {
		return this.commentMatches.get(words, (key) -> List.copyOf(this.comments.searchText(key, CANDIDATES)));
	}

}
