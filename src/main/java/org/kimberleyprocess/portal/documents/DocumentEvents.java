package org.kimberleyprocess.portal.documents;

/** What the drafting engine announces, for notifications. */
public final class DocumentEvents {

	private DocumentEvents() {
	}

	/** A draft was circulated: its readers may now read and comment on it. */
	public record Circulated(long documentId, String title) {
	}

	/** A comment was posted; {@code repliedToAuthorId} is the author of the comment it answers, if any. */
	public record CommentPosted(long documentId, long commentId, Long repliedToAuthorId, long authorId,
			String authorName) {
	}

	/** A suggested change became a new version crediting its proposer. */
	public record SuggestionAccepted(long documentId, long proposerId, int versionNumber, String acceptedBy) {
	}

}
