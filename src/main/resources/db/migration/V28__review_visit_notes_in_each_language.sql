-- Notes the portal wrote itself on a review visit's timeline become a message (CHAR(2) + key) or a
-- period (CHAR(3) + start/end), so each reader sees them in their own language.
UPDATE review_visit_event SET note = CONCAT(CHAR(2), 'visit.note.consent') WHERE note = 'consent';
UPDATE review_visit_event SET note = CONCAT(CHAR(2), 'visit.note.published') WHERE note = 'published';
UPDATE review_visit_event
SET note = CONCAT(CHAR(3), SUBSTRING(note, 1, 10), '/', SUBSTRING(note, 16, 10))
WHERE note REGEXP '^[0-9]{4}-[0-9]{2}-[0-9]{2} – [0-9]{4}-[0-9]{2}-[0-9]{2}$';
