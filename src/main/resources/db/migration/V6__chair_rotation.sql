-- The chair rotation: one row per year with its Chair and Vice-Chair. The Committee on
-- Participation and Chairmanship is chaired by the previous year's Chair, derived, not stored.
CREATE TABLE chair_term (
    year                      INT          NOT NULL PRIMARY KEY,
    chair_organisation_id     BIGINT       NOT NULL,
    vice_chair_organisation_id BIGINT      NULL,
    -- A Vice-Chair candidacy under decision: adopting the decision fills the Vice-Chair.
    candidate_organisation_id BIGINT       NULL,
    selection_document_id     BIGINT       NULL,
    departure_document_id     BIGINT       NULL,
    version                   BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT ck_chair_differs CHECK (vice_chair_organisation_id IS NULL OR vice_chair_organisation_id <> chair_organisation_id),
    CONSTRAINT fk_term_chair FOREIGN KEY (chair_organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_term_vice FOREIGN KEY (vice_chair_organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_term_candidate FOREIGN KEY (candidate_organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_term_selection FOREIGN KEY (selection_document_id) REFERENCES document (id),
    CONSTRAINT fk_term_departure FOREIGN KEY (departure_document_id) REFERENCES document (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
