-- Production (per half-year) and trade (per quarter) statistics. A return is one Participant's
-- figures for one period; each submission is a new version of it, and the return points at the
-- current one, so earlier submissions are kept as they were.
CREATE TABLE statistics_return (
    id              BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    participant_id  BIGINT      NOT NULL,
    kind            VARCHAR(12) NOT NULL,
    year            INT         NOT NULL,
    period          INT         NOT NULL,
    current_version INT         NOT NULL,
    demonstration   BOOLEAN     NOT NULL DEFAULT FALSE,
    version         BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT uk_statistics_return UNIQUE (participant_id, kind, year, period),
    CONSTRAINT ck_statistics_return_kind CHECK (kind IN ('PRODUCTION', 'TRADE')),
    CONSTRAINT ck_statistics_return_period CHECK ((kind = 'PRODUCTION' AND period BETWEEN 1 AND 2)
        OR (kind = 'TRADE' AND period BETWEEN 1 AND 4)),
    CONSTRAINT fk_statistics_return_participant FOREIGN KEY (participant_id) REFERENCES organisation (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_statistics_return_year ON statistics_return (year, kind, period);

CREATE TABLE statistics_return_version (
    id           BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    return_id    BIGINT      NOT NULL,
    number       INT         NOT NULL,
    source       VARCHAR(8)  NOT NULL,
    submitted_by BIGINT      NOT NULL,
    submitted_at DATETIME(6) NOT NULL,
    CONSTRAINT uk_statistics_return_version UNIQUE (return_id, number),
    CONSTRAINT ck_statistics_return_version_source CHECK (source IN ('FORM', 'CSV')),
    CONSTRAINT fk_statistics_return_version_return FOREIGN KEY (return_id) REFERENCES statistics_return (id),
    CONSTRAINT fk_statistics_return_version_account FOREIGN KEY (submitted_by) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One figure of a version: the production of the half-year, or the imports from or exports to
-- one partner in the quarter. A partner is a Participant or the trading entity of Chinese Taipei,
-- which is not an organisation of the scheme.
CREATE TABLE statistics_line (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    version_id         BIGINT        NOT NULL,
    flow               VARCHAR(12)   NOT NULL,
    partner_id         BIGINT        NULL,
    partner_entity     VARCHAR(20)   NULL,
    carats             DECIMAL(18,2) NOT NULL,
    value_usd          DECIMAL(18,2) NOT NULL,
    certificates       INT           NULL,
    unusual_confirmed  BOOLEAN       NOT NULL DEFAULT FALSE,
    CONSTRAINT ck_statistics_line_flow CHECK (flow IN ('PRODUCTION', 'IMPORT', 'EXPORT')),
    CONSTRAINT ck_statistics_line_partner CHECK ((flow = 'PRODUCTION' AND partner_id IS NULL AND partner_entity IS NULL AND certificates IS NULL)
        OR (flow <> 'PRODUCTION' AND ((partner_id IS NULL) <> (partner_entity IS NULL)) AND certificates IS NOT NULL)),
    CONSTRAINT ck_statistics_line_entity CHECK (partner_entity IS NULL OR partner_entity = 'CHINESE_TAIPEI'),
    CONSTRAINT ck_statistics_line_figures CHECK (carats >= 0 AND value_usd >= 0 AND (certificates IS NULL OR certificates >= 0)),
    CONSTRAINT fk_statistics_line_version FOREIGN KEY (version_id) REFERENCES statistics_return_version (id),
    CONSTRAINT fk_statistics_line_partner FOREIGN KEY (partner_id) REFERENCES organisation (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A year's statistics become public when the Working Group on Statistics closes the year, once
-- validated; a closed year takes no more submissions, so what was published stays as published.
CREATE TABLE statistics_year (
    year      INT         NOT NULL PRIMARY KEY,
    closed_by BIGINT      NOT NULL,
    closed_at DATETIME(6) NOT NULL,
    CONSTRAINT fk_statistics_year_account FOREIGN KEY (closed_by) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
