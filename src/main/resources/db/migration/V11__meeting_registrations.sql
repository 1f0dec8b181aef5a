-- Who attends a meeting: delegations register their members; the Chair's office registers the
-- guests it invites.
CREATE TABLE meeting_registration (
    id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    meeting_id         BIGINT       NOT NULL,
    account_id         BIGINT       NOT NULL,
    organisation_id    BIGINT       NOT NULL,
    full_name          VARCHAR(200) NOT NULL,
    organisation_en    VARCHAR(200) NOT NULL,
    organisation_fr    VARCHAR(200) NOT NULL,
    guest              BOOLEAN      NOT NULL,
    registered_by_name VARCHAR(200) NOT NULL,
    registered_at      DATETIME(6)  NOT NULL,
    CONSTRAINT uk_meeting_registration UNIQUE (meeting_id, account_id),
    CONSTRAINT fk_registration_meeting FOREIGN KEY (meeting_id) REFERENCES meeting (id),
    CONSTRAINT fk_registration_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_registration_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
