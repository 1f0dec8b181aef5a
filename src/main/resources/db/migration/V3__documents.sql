-- The drafting engine: documents, their immutable versions with the rendered and sanitised
-- text, the blocks comments and suggestions attach to, co-editors, guest shares, reading marks
-- and gap-free official numbers.

CREATE TABLE document (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    type              VARCHAR(30)  NOT NULL,
    title             VARCHAR(300) NOT NULL,
    owning_body       VARCHAR(20)  NOT NULL,
    working_group_id  BIGINT       NULL,
    year              INT          NOT NULL,
    status            VARCHAR(20)  NOT NULL,
    confidentiality   VARCHAR(20)  NOT NULL,
    comments_closed   BOOLEAN      NOT NULL DEFAULT FALSE,
    current_version   INT          NOT NULL,
    official_number   VARCHAR(160) NULL,
    created_by        BIGINT       NOT NULL,
    created_at        DATETIME(6)  NOT NULL,
    updated_at        DATETIME(6)  NOT NULL,
    version           BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_document_official_number UNIQUE (official_number),
    CONSTRAINT ck_document_body CHECK ((owning_body = 'WORKING_GROUP') = (working_group_id IS NOT NULL)),
    CONSTRAINT fk_document_working_group FOREIGN KEY (working_group_id) REFERENCES working_group (id),
    CONSTRAINT fk_document_created_by FOREIGN KEY (created_by) REFERENCES account (id),
    INDEX ix_document_listing (status, year, type)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE document_version (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    document_id      BIGINT       NOT NULL,
    number           INT          NOT NULL,
    title            VARCHAR(300) NOT NULL,
    markdown         MEDIUMTEXT   NOT NULL,
    html             MEDIUMTEXT   NOT NULL,
    sha256           CHAR(64)     NOT NULL,
    change_note      VARCHAR(500) NOT NULL,
    author_id        BIGINT       NOT NULL,
    author_name      VARCHAR(200) NOT NULL,
    credited_name    VARCHAR(420) NULL,
    created_at       DATETIME(6)  NOT NULL,
    CONSTRAINT uk_document_version UNIQUE (document_id, number),
    CONSTRAINT fk_document_version_document FOREIGN KEY (document_id) REFERENCES document (id),
    FULLTEXT INDEX ft_document_version_text (title, markdown)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE document_block (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    version_id  BIGINT       NOT NULL,
    position    INT          NOT NULL,
    anchor      VARCHAR(100) NOT NULL,
    kind        VARCHAR(20)  NOT NULL,
    source      MEDIUMTEXT   NOT NULL,
    excerpt     VARCHAR(300) NOT NULL,
    CONSTRAINT uk_document_block UNIQUE (version_id, anchor),
    CONSTRAINT fk_document_block_version FOREIGN KEY (version_id) REFERENCES document_version (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE document_editor (
    document_id     BIGINT NOT NULL,
    organisation_id BIGINT NOT NULL,
    PRIMARY KEY (document_id, organisation_id),
    CONSTRAINT fk_document_editor_document FOREIGN KEY (document_id) REFERENCES document (id),
    CONSTRAINT fk_document_editor_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE document_share (
    document_id     BIGINT NOT NULL,
    organisation_id BIGINT NOT NULL,
    PRIMARY KEY (document_id, organisation_id),
    CONSTRAINT fk_document_share_document FOREIGN KEY (document_id) REFERENCES document (id),
    CONSTRAINT fk_document_share_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE document_read (
    account_id     BIGINT      NOT NULL,
    document_id    BIGINT      NOT NULL,
    version_number INT         NOT NULL,
    read_at        DATETIME(6) NOT NULL,
    PRIMARY KEY (account_id, document_id),
    CONSTRAINT fk_document_read_document FOREIGN KEY (document_id) REFERENCES document (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE document_comment (
    id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    document_id        BIGINT       NOT NULL,
    version_number     INT          NOT NULL,
    block_anchor       VARCHAR(100) NULL,
    parent_id          BIGINT       NULL,
    author_id          BIGINT       NOT NULL,
    author_name        VARCHAR(200) NOT NULL,
    organisation_en    VARCHAR(200) NOT NULL,
    organisation_fr    VARCHAR(200) NOT NULL,
    organisation_kind  VARCHAR(20)  NOT NULL,
    markdown           MEDIUMTEXT   NOT NULL,
    html               MEDIUMTEXT   NOT NULL,
    created_at         DATETIME(6)  NOT NULL,
    edited_at          DATETIME(6)  NULL,
    deleted_at         DATETIME(6)  NULL,
    hidden_reason      VARCHAR(1000) NULL,
    hidden_by_name     VARCHAR(200) NULL,
    version            BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT fk_comment_document FOREIGN KEY (document_id) REFERENCES document (id),
    CONSTRAINT fk_comment_parent FOREIGN KEY (parent_id) REFERENCES document_comment (id),
    INDEX ix_comment_document (document_id, created_at),
    FULLTEXT INDEX ft_comment_text (markdown)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE document_suggestion (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    document_id       BIGINT        NOT NULL,
    version_number    INT           NOT NULL,
    block_anchor      VARCHAR(100)  NOT NULL,
    original          MEDIUMTEXT    NOT NULL,
    proposed          MEDIUMTEXT    NOT NULL,
    explanation       VARCHAR(1000) NOT NULL,
    proposer_id       BIGINT        NOT NULL,
    proposer_name     VARCHAR(200)  NOT NULL,
    organisation_en   VARCHAR(200)  NOT NULL,
    organisation_fr   VARCHAR(200)  NOT NULL,
    status            VARCHAR(20)   NOT NULL,
    decided_by_name   VARCHAR(200)  NULL,
    decided_at        DATETIME(6)   NULL,
    decision_reason   VARCHAR(1000) NULL,
    resulting_version INT           NULL,
    created_at        DATETIME(6)   NOT NULL,
    version           BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT fk_suggestion_document FOREIGN KEY (document_id) REFERENCES document (id),
    INDEX ix_suggestion_document (document_id, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per body, year and type; incremented inside the adopting transaction, so a
-- rolled-back adoption leaves no gap and two adoptions never share a number.
CREATE TABLE document_number_sequence (
    body_label  VARCHAR(120) NOT NULL,
    year        INT          NOT NULL,
    type        VARCHAR(30)  NOT NULL,
    last_number INT          NOT NULL,
    PRIMARY KEY (body_label, year, type)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
