-- Annual reports: per reporting year the due date and the template's sections the chair of the
-- Working Group on Monitoring maintains; each Participant's report (a document in the drafting
-- engine) with every submission, the sections it makes public, the reviewing Participants, the
-- assessment and its outcome; and a row per reminder sent, so that two nodes send it once.

CREATE TABLE annual_report_year (
    year     INT    NOT NULL PRIMARY KEY,
    due_date DATE   NOT NULL,
    version  BIGINT NOT NULL DEFAULT 0
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE annual_report_section (
    year     INT          NOT NULL,
    position INT          NOT NULL,
    title_en VARCHAR(200) NOT NULL,
    title_fr VARCHAR(200) NOT NULL,
    PRIMARY KEY (year, position),
    CONSTRAINT fk_report_section_year FOREIGN KEY (year) REFERENCES annual_report_year (year)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE annual_report (
    id                     BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    year                   INT           NOT NULL,
    organisation_id        BIGINT        NOT NULL,
    document_id            BIGINT        NULL,
    submitted_version      INT           NULL,
    first_submitted_at     DATETIME(6)   NULL,
    last_submitted_at      DATETIME(6)   NULL,
    published              BOOLEAN       NOT NULL DEFAULT FALSE,
    assessment_document_id BIGINT        NULL,
    outcome                VARCHAR(30)   NULL,
    outcome_note           VARCHAR(4000) NULL,
    outcome_at             DATETIME(6)   NULL,
    created_at             DATETIME(6)   NOT NULL,
    version                BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT uq_annual_report UNIQUE (year, organisation_id),
    CONSTRAINT fk_annual_report_year FOREIGN KEY (year) REFERENCES annual_report_year (year),
    CONSTRAINT fk_annual_report_org FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_annual_report_doc FOREIGN KEY (document_id) REFERENCES document (id),
    CONSTRAINT fk_annual_report_assessment FOREIGN KEY (assessment_document_id) REFERENCES document (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE annual_report_submission (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    report_id      BIGINT       NOT NULL,
    version_number INT          NOT NULL,
    submitted_by   BIGINT       NOT NULL,
    submitter_name VARCHAR(200) NOT NULL,
    submitted_at   DATETIME(6)  NOT NULL,
    resubmission   BOOLEAN      NOT NULL,
    CONSTRAINT fk_report_submission FOREIGN KEY (report_id) REFERENCES annual_report (id),
    INDEX ix_report_submission (report_id, submitted_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A section (by its heading's position in the submitted version) the delegation made public;
-- every other section is "KP only".
CREATE TABLE annual_report_public_section (
    report_id BIGINT NOT NULL,
    position  INT    NOT NULL,
    PRIMARY KEY (report_id, position),
    CONSTRAINT fk_report_public_section FOREIGN KEY (report_id) REFERENCES annual_report (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE annual_report_reviewer (
    report_id       BIGINT NOT NULL,
    organisation_id BIGINT NOT NULL,
    PRIMARY KEY (report_id, organisation_id),
    CONSTRAINT fk_report_reviewer_report FOREIGN KEY (report_id) REFERENCES annual_report (id),
    CONSTRAINT fk_report_reviewer_org FOREIGN KEY (organisation_id) REFERENCES organisation (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE annual_report_reminder (
    year            INT         NOT NULL,
    organisation_id BIGINT      NOT NULL,
    kind            VARCHAR(20) NOT NULL,
    sent_at         DATETIME(6) NOT NULL,
    PRIMARY KEY (year, organisation_id, kind)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
