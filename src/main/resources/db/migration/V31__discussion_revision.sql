-- A number that every change to a document's discussion (a comment written, edited, deleted or
-- hidden; a suggestion made, accepted or declined) raises in the same transaction. Pages read it
-- with the document and key what they keep of its discussion by it, so every node sees a change
-- as soon as it commits.
ALTER TABLE document ADD COLUMN discussion_revision BIGINT NOT NULL DEFAULT 0;
