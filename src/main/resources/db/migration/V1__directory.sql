-- Organisations, the countries they represent, accounts with their roles, working groups and
-- committees with their members, and the sign-in throttle.

CREATE TABLE organisation (
    id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code               VARCHAR(40)  NOT NULL,
    kind               VARCHAR(20)  NOT NULL,
    name_en            VARCHAR(200) NOT NULL,
    name_fr            VARCHAR(200) NOT NULL,
    participant_status VARCHAR(20)  NULL,
    observer_category  VARCHAR(30)  NULL,
    status_note        VARCHAR(1000) NULL,
    version            BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_organisation_code UNIQUE (code),
    CONSTRAINT ck_organisation_kind CHECK (kind IN ('PARTICIPANT', 'OBSERVER', 'GUEST', 'SECRETARIAT')),
    CONSTRAINT ck_organisation_status CHECK ((kind = 'PARTICIPANT') = (participant_status IS NOT NULL)),
    CONSTRAINT ck_organisation_category CHECK ((kind = 'OBSERVER') = (observer_category IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE country (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code            CHAR(2)      NOT NULL,
    name_en         VARCHAR(120) NOT NULL,
    name_fr         VARCHAR(120) NOT NULL,
    organisation_id BIGINT       NULL,
    CONSTRAINT uk_country_code UNIQUE (code),
    CONSTRAINT fk_country_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE account (
    id                       BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username                 VARCHAR(60)  NOT NULL,
    password_hash            VARCHAR(255) NOT NULL,
    full_name                VARCHAR(200) NOT NULL,
    email                    VARCHAR(254) NOT NULL,
    organisation_id          BIGINT       NOT NULL,
    preferred_language       VARCHAR(5)   NOT NULL DEFAULT 'en',
    active                   BOOLEAN      NOT NULL DEFAULT TRUE,
    password_change_required BOOLEAN      NOT NULL DEFAULT FALSE,
    security_stamp           BIGINT       NOT NULL DEFAULT 0,
    created_at               DATETIME(6)  NOT NULL,
    version                  BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_account_username UNIQUE (username),
    CONSTRAINT fk_account_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE account_role (
    account_id BIGINT      NOT NULL,
    role       VARCHAR(40) NOT NULL,
    PRIMARY KEY (account_id, role),
    CONSTRAINT fk_account_role_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE working_group (
    id                    BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code                  VARCHAR(20)  NOT NULL,
    kind                  VARCHAR(20)  NOT NULL,
    name_en               VARCHAR(200) NOT NULL,
    name_fr               VARCHAR(200) NOT NULL,
    mandate_en            TEXT         NOT NULL,
    mandate_fr            TEXT         NOT NULL,
    chair_organisation_id BIGINT       NULL,
    chair_account_id      BIGINT       NULL,
    version               BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_working_group_code UNIQUE (code),
    CONSTRAINT ck_working_group_kind CHECK (kind IN ('WORKING_GROUP', 'COMMITTEE')),
    CONSTRAINT fk_working_group_chair_org FOREIGN KEY (chair_organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_working_group_chair_account FOREIGN KEY (chair_account_id) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE working_group_member (
    id               BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    working_group_id BIGINT      NOT NULL,
    organisation_id  BIGINT      NOT NULL,
    standing         VARCHAR(20) NOT NULL,
    CONSTRAINT uk_working_group_member UNIQUE (working_group_id, organisation_id),
    CONSTRAINT ck_working_group_member_standing CHECK (standing IN ('MEMBER', 'PROVISIONAL_MEMBER', 'OBSERVER')),
    CONSTRAINT fk_wgm_group FOREIGN KEY (working_group_id) REFERENCES working_group (id),
    CONSTRAINT fk_wgm_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Keyed by the normalised username typed at sign-in, whether or not an account has it, so the
-- throttle behaves the same for unknown names and reveals nothing.
CREATE TABLE sign_in_throttle (
    username_key    VARCHAR(100) NOT NULL PRIMARY KEY,
    failures        INT          NOT NULL,
    last_failure_at DATETIME(6)  NOT NULL,
    locked_until    DATETIME(6)  NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
