-- A document's discussion is shown a page of threads at a time, so a reply names its thread's
-- first comment as its parent: replies to replies recorded before become replies to that first
-- comment (the page showed them in that thread already). Each pass lifts them one level.
UPDATE document_comment c JOIN document_comment p ON c.parent_id = p.id
SET c.parent_id = p.parent_id WHERE p.parent_id IS NOT NULL;
UPDATE document_comment c JOIN document_comment p ON c.parent_id = p.id
SET c.parent_id = p.parent_id WHERE p.parent_id IS NOT NULL;
UPDATE document_comment c JOIN document_comment p ON c.parent_id = p.id
SET c.parent_id = p.parent_id WHERE p.parent_id IS NOT NULL;
UPDATE document_comment c JOIN document_comment p ON c.parent_id = p.id
SET c.parent_id = p.parent_id WHERE p.parent_id IS NOT NULL;

-- The threads of one block, or of the whole document, in the order they began.
CREATE INDEX ix_comment_threads ON document_comment (document_id, parent_id, block_anchor, created_at);

-- Lists of documents show the most recently changed first, twenty at a time.
CREATE INDEX ix_document_recent ON document (updated_at, id);

-- The year filter lists the years documents exist for.
CREATE INDEX ix_document_year ON document (year);
