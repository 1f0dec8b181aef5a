-- Published communiqués: the adopted text frozen at publication, and corrigenda as later
-- revisions, each with its PDF generated once when it was published.
CREATE TABLE communique (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    document_id      BIGINT       NOT NULL,
    slug             VARCHAR(120) NOT NULL,
    year             INT          NOT NULL,
    meeting_id       BIGINT       NOT NULL,
    meeting_kind     VARCHAR(20)  NOT NULL,
    meeting_title    VARCHAR(300) NOT NULL,
    place            VARCHAR(200) NOT NULL,
    start_date       DATE         NOT NULL,
    end_date         DATE         NOT NULL,
    official_number  VARCHAR(160) NOT NULL,
    adopted_at       DATETIME(6)  NOT NULL,
    adopted_sha256   CHAR(64)     NOT NULL,
    published_at     DATETIME(6)  NOT NULL,
    updated_at       DATETIME(6)  NOT NULL,
    current_revision INT          NOT NULL,
    version          BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_communique_document UNIQUE (document_id),
    CONSTRAINT uk_communique_slug UNIQUE (slug),
    CONSTRAINT fk_communique_document FOREIGN KEY (document_id) REFERENCES document (id),
    CONSTRAINT fk_communique_meeting FOREIGN KEY (meeting_id) REFERENCES meeting (id),
    INDEX ix_communique_published (year, published_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE communique_revision (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    communique_id     BIGINT        NOT NULL,
    number            INT           NOT NULL,
    title             VARCHAR(300)  NOT NULL,
    markdown          MEDIUMTEXT    NOT NULL,
    html              MEDIUMTEXT    NOT NULL,
    sha256            CHAR(64)      NOT NULL,
    note              VARCHAR(1000) NULL,
    published_at      DATETIME(6)   NOT NULL,
    published_by_name VARCHAR(200)  NOT NULL,
    CONSTRAINT uk_communique_revision UNIQUE (communique_id, number),
    CONSTRAINT fk_communique_revision FOREIGN KEY (communique_id) REFERENCES communique (id),
    FULLTEXT INDEX ft_communique_revision_text (title, markdown)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The PDF of each revision, generated once when the revision is published.
CREATE TABLE communique_pdf (
    revision_id BIGINT     NOT NULL PRIMARY KEY,
    pdf         MEDIUMBLOB NOT NULL,
    CONSTRAINT fk_communique_pdf_revision FOREIGN KEY (revision_id) REFERENCES communique_revision (id)
) ENGINE = InnoDB;

-- Administrative Decisions take effect with the communiqué of the meeting that adopted them.
ALTER TABLE document
    ADD COLUMN in_effect_since DATE         NULL,
    ADD COLUMN in_effect_path  VARCHAR(200) NULL,
    ADD COLUMN in_effect_title VARCHAR(300) NULL;

-- The communiqué that reports a meeting's outcome.
ALTER TABLE meeting
    ADD COLUMN communique_path  VARCHAR(200) NULL,
    ADD COLUMN communique_title VARCHAR(300) NULL;
