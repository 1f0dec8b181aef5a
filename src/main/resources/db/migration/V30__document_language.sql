-- The language a document is written in, so pages in the other language mark its title and
-- text, and what the portal drafts for someone is drafted in that person's language; a
-- communiqué keeps the language of the text it publishes.
ALTER TABLE document ADD COLUMN language VARCHAR(2) NOT NULL DEFAULT 'EN';
ALTER TABLE communique ADD COLUMN language VARCHAR(2) NOT NULL DEFAULT 'EN';
