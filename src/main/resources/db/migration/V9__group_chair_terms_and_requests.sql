-- A working group's chair holds the chair's rights during a term only; membership requests
-- are decided by the group's chair.
ALTER TABLE working_group
    ADD COLUMN chair_from  DATE NULL,
    ADD COLUMN chair_until DATE NULL;

CREATE TABLE membership_request (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    working_group_id  BIGINT        NOT NULL,
    organisation_id   BIGINT        NOT NULL,
    note              VARCHAR(1000) NOT NULL,
    requested_by_name VARCHAR(200)  NOT NULL,
    requested_at      DATETIME(6)   NOT NULL,
    status            VARCHAR(20)   NOT NULL,
    standing          VARCHAR(20)   NULL,
    decided_by_name   VARCHAR(200)  NULL,
    decided_at        DATETIME(6)   NULL,
    reason            VARCHAR(1000) NULL,
    version           BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT ck_membership_request_status CHECK (status IN ('PENDING', 'ACCEPTED', 'DECLINED')),
    CONSTRAINT fk_membership_request_group FOREIGN KEY (working_group_id) REFERENCES working_group (id),
    CONSTRAINT fk_membership_request_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    INDEX ix_membership_request_group (working_group_id, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
