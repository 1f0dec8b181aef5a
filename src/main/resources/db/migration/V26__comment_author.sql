-- The home page lists the replies to a person's comments: their comments are found by author.
CREATE INDEX ix_comment_author ON document_comment (author_id, created_at);
