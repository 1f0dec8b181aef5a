-- A reason given on a review visit's timeline (declining, postponing, withdrawing) may be given in
-- French beside the English; French pages show the English, marked as English, where it is not.
ALTER TABLE review_visit_event ADD COLUMN note_fr VARCHAR(4000) NULL AFTER note;
