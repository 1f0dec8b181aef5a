-- Review visits: a Participant's offer to host one, its way through the Working Group on
-- Monitoring, the volunteers and the team, and every transition with who made it and when;
-- plus the per-person secret address of the calendar feed.

CREATE TABLE review_visit (
    id                   BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    host_organisation_id BIGINT        NOT NULL,
    preferred_year       INT           NOT NULL,
    preferred_period     VARCHAR(100)  NOT NULL,
    scope                VARCHAR(4000) NOT NULL,
    contact_person       VARCHAR(200)  NOT NULL,
    remarks              VARCHAR(4000) NULL,
    status               VARCHAR(20)   NOT NULL,
    start_date           DATE          NULL,
    end_date             DATE          NULL,
    report_due           DATE          NULL,
    report_document_id   BIGINT        NULL,
    host_consents        BOOLEAN       NOT NULL DEFAULT FALSE,
    report_public        BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at           DATETIME(6)   NOT NULL,
    version              BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT ck_visit_dates CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
    CONSTRAINT fk_visit_host FOREIGN KEY (host_organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_visit_report FOREIGN KEY (report_document_id) REFERENCES document (id),
    INDEX ix_visit_register (preferred_year, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE review_visit_event (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    visit_id    BIGINT        NOT NULL,
    from_status VARCHAR(20)   NULL,
    to_status   VARCHAR(20)   NOT NULL,
    actor_name  VARCHAR(200)  NOT NULL,
    note        VARCHAR(4000) NULL,
    at          DATETIME(6)   NOT NULL,
    CONSTRAINT fk_visit_event_visit FOREIGN KEY (visit_id) REFERENCES review_visit (id),
    INDEX ix_visit_event (visit_id, at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE review_visit_volunteer (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    visit_id          BIGINT       NOT NULL,
    account_id        BIGINT       NOT NULL,
    person_name       VARCHAR(200) NOT NULL,
    organisation_id   BIGINT       NOT NULL,
    organisation_en   VARCHAR(200) NOT NULL,
    organisation_fr   VARCHAR(200) NOT NULL,
    affiliation       VARCHAR(20)  NOT NULL,
    selected          BOOLEAN      NOT NULL DEFAULT FALSE,
    leader            BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at        DATETIME(6)  NOT NULL,
    CONSTRAINT uk_visit_volunteer UNIQUE (visit_id, account_id),
    CONSTRAINT ck_volunteer_affiliation CHECK (affiliation IN ('PARTICIPANT', 'INDUSTRY', 'CIVIL_SOCIETY', 'OTHER')),
    CONSTRAINT fk_volunteer_visit FOREIGN KEY (visit_id) REFERENCES review_visit (id),
    CONSTRAINT fk_volunteer_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE calendar_token (
    account_id BIGINT      NOT NULL PRIMARY KEY,
    token      CHAR(43)    NOT NULL,
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT uk_calendar_token UNIQUE (token),
    CONSTRAINT fk_calendar_token_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
