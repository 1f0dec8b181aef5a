-- What the Chair's office types for everyone to read has a French form beside the English one;
-- where it is not given, French pages show the English, marked as English.
ALTER TABLE meeting
    ADD COLUMN title_fr VARCHAR(300) NULL AFTER title,
    ADD COLUMN place_fr VARCHAR(200) NULL AFTER place;

ALTER TABLE communique
    ADD COLUMN meeting_title_fr VARCHAR(300) NULL AFTER meeting_title,
    ADD COLUMN place_fr VARCHAR(200) NULL AFTER place;

ALTER TABLE organisation
    ADD COLUMN status_note_fr VARCHAR(1000) NULL AFTER status_note;
