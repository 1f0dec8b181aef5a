-- Consensus rounds on one exact version of a document, the Participants eligible when a round
-- opened, each Participant's current position with every change kept, and the immutable record
-- of each adoption.

CREATE TABLE consensus_round (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    document_id     BIGINT       NOT NULL,
    version_number  INT          NOT NULL,
    version_sha256  CHAR(64)     NOT NULL,
    kind            VARCHAR(20)  NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    outcome         VARCHAR(20)  NULL,
    opened_by_name  VARCHAR(200) NOT NULL,
    opened_at       DATETIME(6)  NOT NULL,
    deadline        DATETIME(6)  NULL,
    deadline_zone   VARCHAR(60)  NULL,
    closed_by_name  VARCHAR(200) NULL,
    closed_at       DATETIME(6)  NULL,
    version         BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT ck_round_kind CHECK (kind IN ('MEETING', 'WRITTEN')),
    CONSTRAINT ck_round_status CHECK (status IN ('OPEN', 'CLOSED', 'WITHDRAWN')),
    CONSTRAINT ck_round_deadline CHECK ((kind = 'WRITTEN') = (deadline IS NOT NULL)),
    CONSTRAINT fk_round_document FOREIGN KEY (document_id) REFERENCES document (id),
    INDEX ix_round_open (status, deadline)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE round_eligible (
    round_id        BIGINT       NOT NULL,
    organisation_id BIGINT       NOT NULL,
    name_en         VARCHAR(200) NOT NULL,
    name_fr         VARCHAR(200) NOT NULL,
    PRIMARY KEY (round_id, organisation_id),
    CONSTRAINT fk_eligible_round FOREIGN KEY (round_id) REFERENCES consensus_round (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE round_position (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    round_id         BIGINT        NOT NULL,
    organisation_id  BIGINT        NOT NULL,
    position         VARCHAR(20)   NOT NULL,
    reason           VARCHAR(4000) NULL,
    recorded_by_id   BIGINT        NOT NULL,
    recorded_by_name VARCHAR(200)  NOT NULL,
    on_behalf        BOOLEAN       NOT NULL,
    recorded_at      DATETIME(6)   NOT NULL,
    version_sha256   CHAR(64)      NOT NULL,
    current          BOOLEAN       NULL,
    CONSTRAINT ck_position CHECK (position IN ('JOIN', 'ABSTAIN', 'OBJECT')),
    CONSTRAINT ck_position_reason CHECK (position <> 'OBJECT' OR reason IS NOT NULL),
    -- At most one current position per Participant; superseded rows keep current NULL.
    CONSTRAINT uk_position_current UNIQUE (round_id, organisation_id, current),
    CONSTRAINT fk_position_round FOREIGN KEY (round_id) REFERENCES consensus_round (id),
    INDEX ix_position_history (round_id, recorded_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE adoption_record (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    round_id        BIGINT       NOT NULL,
    document_id     BIGINT       NOT NULL,
    official_number VARCHAR(160) NOT NULL,
    title           VARCHAR(300) NOT NULL,
    version_number  INT          NOT NULL,
    version_sha256  CHAR(64)     NOT NULL,
    kind            VARCHAR(20)  NOT NULL,
    opened_at       DATETIME(6)  NOT NULL,
    deadline        DATETIME(6)  NULL,
    closed_at       DATETIME(6)  NOT NULL,
    joined          INT          NOT NULL,
    abstained       INT          NOT NULL,
    deemed          INT          NOT NULL,
    objected        INT          NOT NULL,
    CONSTRAINT uk_adoption_round UNIQUE (round_id),
    CONSTRAINT uk_adoption_document UNIQUE (document_id),
    CONSTRAINT fk_adoption_round FOREIGN KEY (round_id) REFERENCES consensus_round (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE adoption_entry (
    record_id        BIGINT       NOT NULL,
    position_order   INT          NOT NULL,
    participant_en   VARCHAR(200) NOT NULL,
    participant_fr   VARCHAR(200) NOT NULL,
    stance           VARCHAR(20)  NOT NULL,
    recorded_by_name VARCHAR(200) NULL,
    recorded_at      DATETIME(6)  NULL,
    PRIMARY KEY (record_id, position_order),
    CONSTRAINT fk_entry_record FOREIGN KEY (record_id) REFERENCES adoption_record (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
