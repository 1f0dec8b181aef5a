-- A year the chair rotation has no row for: no Participant's Chair's office holds its rights
-- then (the rule fails closed), and administrators are told once, however many nodes notice.
CREATE TABLE chair_rotation_gap (
    year       INT         NOT NULL PRIMARY KEY,
    noticed_at DATETIME(6) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
