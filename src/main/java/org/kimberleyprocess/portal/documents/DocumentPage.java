package org.kimberleyprocess.portal.documents;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;

import org.kimberleyprocess.portal.directory.DirectoryQueries.OrganisationRef;
import org.kimberleyprocess.portal.documents.DocumentReading.Permissions;
import org.kimberleyprocess.portal.shared.NotFoundException;

/**
 * What the document page shows: the current text cut at its blocks, and one page of one part of
 * the discussion, with the number of comments and open suggestions on every block.
 *
 * @param lastRead the version the reader had read before this visit, if any
 * @param changedSince the same, when the current version is newer
 */
public record DocumentPage(Document document, DocumentVersion current, VersionText text, List<DocumentBlock> blocks,
		List<VersionSummary> versions, Discussion discussion, List<Suggestion> decidedSuggestions,
		Integer lastRead, Integer changedSince, Permissions can, List<OrganisationRef> coEditors, List<OrganisationRef> sharedWith,
		List<OrganisationRef> guests, String workingGroup, Shared shared) {

	public boolean isShared(long organisationId) {
		return this.sharedWith.stream().anyMatch((ref) -> ref.id() == organisationId);
	}

	/** The counts of one block; nothing for a block nobody has discussed. */
	public Count countOn(String anchor) {
		return this.discussion.counts().getOrDefault(key(anchor), Count.NONE);
	}

	static String key(String anchor) {
		return anchor == null ? "" : anchor;
	}

	/**
	 * What the parts of the page that readers share depend on (see {@code RenderedParts}): the
	 * text with its counts, and the page of the discussion, which is shared only by readers with
	 * the same rights who wrote none of the comments on it (the author's own comments carry
	 * their edit and delete actions); {@code threads} is null when the reader wrote one.
	 */
	public record Shared(TextKey text, ThreadsKey threads) {
	}

	/** The text with each block's counts, which show only to readers who see the discussion. */
	record TextKey(long document, long revision, int version, boolean counted) {
	}

	/** A page of the discussion as shown to readers with these rights. */
	record ThreadsKey(DocumentReading.DiscussionKey discussion, Permissions can) {
	}

	/** Which part of the discussion a page shows. */
	public enum ScopeKind {

		ALL, GENERAL, BLOCK, EARLIER

	}

	/**
	 * A part of the discussion, named in the address: {@code on=all}, {@code on=general}, {@code on=earlier}
	 * or the anchor of a current block. An anchor the text does not have is not found.
	 */
	public record Scope(ScopeKind kind, String anchor) {

		static Scope of(String on, Set<String> anchors) {
			if (on == null || on.isEmpty() || on.equals("all")) {
				return new Scope(ScopeKind.ALL, null);
			}
			if (on.equals("general")) {
				return new Scope(ScopeKind.GENERAL, null);
			}
			if (on.equals("earlier")) {
				return new Scope(ScopeKind.EARLIER, null);
			}
			if (!anchors.contains(on)) {
				throw new NotFoundException();
			}
			return new Scope(ScopeKind.BLOCK, on);
		}

		/** The part that holds a thread begun on this block (or on the document as a whole). */
		static Scope holding(String anchor, Set<String> anchors) {
			if (anchor == null) {
				return new Scope(ScopeKind.GENERAL, null);
			}
			return anchors.contains(anchor) ? new Scope(ScopeKind.BLOCK, anchor) : new Scope(ScopeKind.EARLIER, null);
		}

		public String parameter() {
			return switch (this.kind) {
				case ALL -> "all";
				case GENERAL -> "general";
				case EARLIER -> "earlier";
				case BLOCK -> this.anchor;
			};
		}

		long threadsIn(Map<String, Count> counts, Set<String> anchors) {
			return switch (this.kind) {
				case ALL -> counts.values().stream().mapToLong(Count::threads).sum();
				case GENERAL -> counts.getOrDefault("", Count.NONE).threads();
				case BLOCK -> counts.getOrDefault(this.anchor, Count.NONE).threads();
				case EARLIER -> counts.entrySet()
					.stream()
					.filter((entry) -> !entry.getKey().isEmpty() && !anchors.contains(entry.getKey()))
					.mapToLong((entry) -> entry.getValue().threads())
					.sum();
			};
		}

	}

	/** Comments (with replies), threads and open suggestions on one block. */
	public record Count(long comments, long threads, long openSuggestions) {

		static final Count NONE = new Count(0, 0, 0);

		public boolean any() {
			return this.comments > 0 || this.openSuggestions > 0;
		}

	}

	/** A comment with its replies, and the excerpt of the block it is on (null for the whole document or older text). */
	public record Thread(Comment comment, List<Comment> replies, String excerpt) {
	}

	/**
	 * One page of one part of the discussion.
	 *
	 * @param excerpt the excerpt of the block shown, when the part is one block
	 * @param counts per block anchor ({@code ""} for the document as a whole)
	 * @param openSuggestions the open suggestions on the block shown
 * @param earlierThreads the threads on text the current version no longer has
	 */
	public record Discussion(Scope scope, String excerpt, Map<String, Count> counts, Page<Thread> threads,
			List<Suggestion> openSuggestions, long earlierThreads) {

		static Discussion none(Scope scope) {
			return new Discussion(scope, null, Map.of(), new PageImpl<>(List.of(), PageRequest.of(0, 1), 0), List.of(),
					0);
		}

		public long comments() {
			return this.counts.values().stream().mapToLong(Count::comments).sum();
		}

		public long openSuggestionCount() {
			return this.counts.values().stream().mapToLong(Count::openSuggestions).sum();
		}

		/** Whether the account wrote one of the comments shown, or one of the replies to them. */
		boolean shows(long accountId) {
			return this.threads.stream()
				.anyMatch((thread) -> thread.comment().getAuthorId() == accountId
						|| thread.replies().stream().anyMatch((reply) -> reply.getAuthorId() == accountId));
		}

		public long generalThreads() {
			return this.counts.getOrDefault("", Count.NONE).threads();
		}

	}

}
