-- What each queued email is about (the portal addresses it links to, one a line), so that at
-- the moment of sending it goes only if its recipient may still open every one of them.
ALTER TABLE outgoing_email ADD COLUMN about_links TEXT NULL;
