-- Candidacies for the next year's Vice-Chair, submitted by a Participant's head of delegation,
-- assessed by the Committee on Participation and Chairmanship, and put to the Plenary in a
-- selection decision.
CREATE TABLE vice_chair_candidacy (
    id                    BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    year                  INT           NOT NULL,
    organisation_id       BIGINT        NOT NULL,
    statement             VARCHAR(2000) NOT NULL,
    submitted_by_name     VARCHAR(200)  NOT NULL,
    submitted_at          DATETIME(6)   NOT NULL,
    eligible              BOOLEAN       NULL,
    assessment            VARCHAR(2000) NULL,
    assessed_by_name      VARCHAR(200)  NULL,
    assessed_at           DATETIME(6)   NULL,
    selection_document_id BIGINT        NULL,
    version               BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT uk_candidacy UNIQUE (year, organisation_id),
    CONSTRAINT fk_candidacy_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_candidacy_document FOREIGN KEY (selection_document_id) REFERENCES document (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
