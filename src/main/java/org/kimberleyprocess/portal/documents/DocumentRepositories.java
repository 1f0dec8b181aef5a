package org.kimberleyprocess.portal.documents;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import jakarta.persistence.LockModeType;

interface DocumentRepository extends JpaRepository<Document, Long> {

	/**
	 * Raises the revision of the document's discussion, in the transaction that changes it, so
	 * that what any node keeps of the old discussion is no longer used once it commits.
	 */
	@Modifying
	@Query(value = "UPDATE document SET discussion_revision = discussion_revision + 1 WHERE id = :id", nativeQuery = true)
	void discussionChanged(@Param("id") long id);

	@EntityGraph(attributePaths = { "editorOrganisations", "sharedWith" })
	@Query("select d from Document d where d.id = :id and " + DocumentPolicy.VISIBLE)
	Optional<Document> findVisible(@Param("id") long id, @Param("chair") boolean chair,
			@Param("chairedGroups") Set<Long> chairedGroups, @Param("delegate") boolean delegate,
			@Param("org") long organisationId, @Param("kind") String kind, @Param("groups") Set<Long> groups);

	/**
	 * A page of the documents the reader may see, most recently changed first, with one more row
	 * than asked for when there is a next page: counting all of them would read every document.
	 */
	@Query("select d from Document d where " + DocumentPolicy.VISIBLE + FILTERS + " order by d.updatedAt desc, d.id desc")
	List<Document> findVisiblePage(@Param("chair") boolean chair, @Param("chairedGroups") Set<Long> chairedGroups,
			@Param("delegate") boolean delegate, @Param("org") long organisationId, @Param("kind") String kind,
			@Param("groups") Set<Long> groups, @Param("type") DocumentType type, @Param("body") OwningBody body,
			@Param("year") Integer year, @Param("status") DocumentStatus status, Pageable pageable);

	String FILTERS = " and (:type is null or d.type = :type) and (:body is null or d.owningBody = :body)"
			+ " and (:year is null or d.year = :year) and (:status is null or d.status = :status)";

	/** Current title or text matching the words, by MariaDB's full-text index, read once for the query. */
	String MATCHING = " and d.id in (select v.document.id from DocumentVersion v join v.document m"
			+ " where v.number = m.currentVersion and fulltext(v.title, v.markdown, :words) > 0)";

	@Query("select d from Document d where " + DocumentPolicy.VISIBLE + FILTERS + MATCHING
			+ " order by d.updatedAt desc, d.id desc")
	List<Document> findVisibleMatching(@Param("chair") boolean chair, @Param("chairedGroups") Set<Long> chairedGroups,
			@Param("delegate") boolean delegate, @Param("org") long organisationId, @Param("kind") String kind,
			@Param("groups") Set<Long> groups, @Param("type") DocumentType type, @Param("body") OwningBody body,
			@Param("year") Integer year, @Param("status") DocumentStatus status, @Param("words") String words,
			Pageable pageable);

	@Query("select d from Document d where d.id in :ids and " + DocumentPolicy.VISIBLE)
	List<Document> findVisibleAmong(@Param("ids") Collection<Long> ids, @Param("chair") boolean chair,
			@Param("chairedGroups") Set<Long> chairedGroups, @Param("delegate") boolean delegate,
			@Param("org") long organisationId, @Param("kind") String kind, @Param("groups") Set<Long> groups);

	@Query("select d from Document d where d.id in :ids and " + DocumentPolicy.VISIBLE
			+ " order by d.updatedAt desc, d.id desc")
	List<Document> findVisibleAmongLatest(@Param("ids") Collection<Long> ids, @Param("chair") boolean chair,
			@Param("chairedGroups") Set<Long> chairedGroups, @Param("delegate") boolean delegate,
			@Param("org") long organisationId, @Param("kind") String kind, @Param("groups") Set<Long> groups,
			Pageable pageable);

	@Query("select d from Document d where d.workingGroupId = :groupId and " + DocumentPolicy.VISIBLE
			+ " order by d.updatedAt desc, d.id desc")
	List<Document> findVisibleOfGroup(@Param("groupId") long groupId, @Param("chair") boolean chair,
			@Param("chairedGroups") Set<Long> chairedGroups, @Param("delegate") boolean delegate,
			@Param("org") long organisationId, @Param("kind") String kind, @Param("groups") Set<Long> groups,
			Pageable pageable);

	@Query("select distinct d.year from Document d order by d.year desc")
	List<Integer> findYears();

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select d from Document d where d.id = :id")
	Optional<Document> findForUpdate(@Param("id") long id);

}

interface DocumentVersionRepository extends JpaRepository<DocumentVersion, Long> {

	@Query("select v from DocumentVersion v where v.document.id = :documentId and v.number = :number")
	Optional<DocumentVersion> findByNumber(@Param("documentId") long documentId, @Param("number") int number);

	@Query("""
			select new org.kimberleyprocess.portal.documents.VersionSummary(v.number, v.title, v.changeNote,
			  v.authorName, v.creditedName, v.createdAt, v.sha256)
			from DocumentVersion v where v.document.id = :documentId order by v.number desc""")
	List<VersionSummary> findSummaries(@Param("documentId") long documentId);

	@Query("select b from DocumentBlock b where b.version.id = :versionId order by b.position")
	List<DocumentBlock> findBlocks(@Param("versionId") long versionId);

	/** Documents whose current title or text match, most recently changed first: the ids only, for {@link SearchMatches}. */
	@Query(value = """
			select v.document_id from document_version v join document d on d.id = v.document_id
			where v.number = d.current_version and match(v.title, v.markdown) against (:words in boolean mode)
			order by d.updated_at desc, d.id desc limit :limit""", nativeQuery = true)
	List<Long> searchCurrentText(@Param("words") String words, @Param("limit") int limit);

	/** The current texts of these documents, as pairs of document id and Markdown (not the HTML, which search does not quote). */
	@Query("select d.id, v.markdown from DocumentVersion v join v.document d where d.id in :ids and v.number = d.currentVersion")
	List<Object[]> findCurrentTextsOf(@Param("ids") java.util.Collection<Long> ids);

}

interface CommentRepository extends JpaRepository<Comment, Long> {

	/** Comments whose text matches, newest first: the ids only, for {@link SearchMatches}. */
	@Query(value = """
			select c.id from document_comment c where match(c.markdown) against (:words in boolean mode)
			order by c.created_at desc limit :limit""", nativeQuery = true)
	List<Long> searchText(@Param("words") String words, @Param("limit") int limit);

	/** Those of the comments still shown (neither deleted nor hidden), newest first. */
	@Query("""
			select c from Comment c where c.id in :ids and c.deletedAt is null and c.hiddenReason is null
			order by c.createdAt desc, c.id desc""")
	List<Comment> findShownAmong(@Param("ids") Collection<Long> ids, Pageable pageable);

	/**
	 * Per block anchor (null for the document as a whole): {@code C} rows with the comments
	 * (replies included) and the threads, {@code S} rows with the open suggested changes.
	 */
	@Query(value = """
			select 'C', block_anchor, count(*), sum(parent_id is null) from document_comment
			where document_id = :id group by block_anchor
			union all
			select 'S', block_anchor, count(*), 0 from document_suggestion
			where document_id = :id and status = 'OPEN' group by block_anchor""", nativeQuery = true)
	List<Object[]> countByAnchor(@Param("id") long documentId);

	String ROOTS = "from Comment c where c.documentId = :id and c.parentId is null";

	String IN_ORDER = " order by c.createdAt, c.id";

	@Query("select c " + ROOTS + IN_ORDER)
	List<Comment> findRoots(@Param("id") long documentId, Pageable pageable);

	@Query("select c " + ROOTS + " and c.blockAnchor is null" + IN_ORDER)
	List<Comment> findGeneralRoots(@Param("id") long documentId, Pageable pageable);

	@Query("select c " + ROOTS + " and c.blockAnchor = :anchor" + IN_ORDER)
	List<Comment> findRootsOn(@Param("id") long documentId, @Param("anchor") String anchor, Pageable pageable);

	@Query("select c " + ROOTS + " and c.blockAnchor is not null and c.blockAnchor not in :anchors" + IN_ORDER)
	List<Comment> findRootsOffText(@Param("id") long documentId, @Param("anchors") Collection<String> anchors,
			Pageable pageable);

	@Query("select c.id " + ROOTS + IN_ORDER)
	List<Long> findRootIds(@Param("id") long documentId);

	@Query("select c.id " + ROOTS + " and c.blockAnchor is null" + IN_ORDER)
	List<Long> findGeneralRootIds(@Param("id") long documentId);

	@Query("select c.id " + ROOTS + " and c.blockAnchor = :anchor" + IN_ORDER)
	List<Long> findRootIdsOn(@Param("id") long documentId, @Param("anchor") String anchor);

	@Query("select c.id " + ROOTS + " and c.blockAnchor is not null and c.blockAnchor not in :anchors" + IN_ORDER)
	List<Long> findRootIdsOffText(@Param("id") long documentId, @Param("anchors") Collection<String> anchors);

	/** The replies to these threads; a reply always names its thread's first comment as its parent. */
	@Query("select c from Comment c where c.parentId in :roots" + IN_ORDER)
	List<Comment> findReplies(@Param("roots") Collection<Long> roots);

	Optional<Comment> findByIdAndDocumentId(long id, long documentId);

}

interface SuggestionRepository extends JpaRepository<Suggestion, Long> {

	@Query("""
			select s from Suggestion s where s.documentId = :id and s.blockAnchor = :anchor
			  and s.status = org.kimberleyprocess.portal.documents.Suggestion.Status.OPEN order by s.createdAt, s.id""")
	List<Suggestion> findOpenOn(@Param("id") long documentId, @Param("anchor") String anchor);

	/** The latest decided suggestions, newest first. */
	@Query("""
			select s from Suggestion s where s.documentId = :id
			  and s.status <> org.kimberleyprocess.portal.documents.Suggestion.Status.OPEN
			order by s.decidedAt desc, s.id desc""")
	List<Suggestion> findDecided(@Param("id") long documentId, Pageable pageable);

	Optional<Suggestion> findByIdAndDocumentId(long id, long documentId);


}
