-- Spring Modulith's event publication registry: an event whose listener failed, or whose node
-- stopped, stays incomplete here until it is resubmitted.
CREATE TABLE EVENT_PUBLICATION (
    ID                     VARCHAR(36)   NOT NULL,
    LISTENER_ID            VARCHAR(512)  NOT NULL,
    EVENT_TYPE             VARCHAR(512)  NOT NULL,
    SERIALIZED_EVENT       VARCHAR(4000) NOT NULL,
    PUBLICATION_DATE       TIMESTAMP(6)  NOT NULL,
    COMPLETION_DATE        TIMESTAMP(6)  DEFAULT NULL NULL,
    STATUS                 VARCHAR(20),
    COMPLETION_ATTEMPTS    INT,
    LAST_RESUBMISSION_DATE TIMESTAMP(6),
    PRIMARY KEY (ID),
    INDEX EVENT_PUBLICATION_BY_COMPLETION_DATE_IDX (COMPLETION_DATE)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The in-app inbox: one row per person and event, with the message key's arguments.
CREATE TABLE notification (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id    BIGINT        NOT NULL,
    type          VARCHAR(30)   NOT NULL,
    arguments     VARCHAR(2000) NOT NULL,
    link          VARCHAR(300)  NOT NULL,
    delivery      VARCHAR(10)   NOT NULL,
    created_at    DATETIME(6)   NOT NULL,
    read_at       DATETIME(6)   NULL,
    digested_at   DATETIME(6)   NULL,
    CONSTRAINT fk_notification_account FOREIGN KEY (account_id) REFERENCES account (id),
    INDEX ix_notification_inbox (account_id, read_at, created_at),
    INDEX ix_notification_digest (delivery, digested_at, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE notification_preference (
    account_id BIGINT      NOT NULL,
    type       VARCHAR(30) NOT NULL,
    delivery   VARCHAR(10) NOT NULL,
    PRIMARY KEY (account_id, type),
    CONSTRAINT fk_preference_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE = InnoDB;

-- Email waiting to go out, sent, or given up after repeated failures (shown to administrators).
CREATE TABLE outgoing_email (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id      BIGINT        NOT NULL,
    recipient       VARCHAR(254)  NOT NULL,
    language        VARCHAR(5)    NOT NULL,
    subject         VARCHAR(300)  NOT NULL,
    text_body       MEDIUMTEXT    NOT NULL,
    html_body       MEDIUMTEXT    NOT NULL,
    status          VARCHAR(10)   NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6)   NOT NULL,
    last_error      VARCHAR(1000) NULL,
    created_at      DATETIME(6)   NOT NULL,
    sent_at         DATETIME(6)   NULL,
    CONSTRAINT fk_email_account FOREIGN KEY (account_id) REFERENCES account (id),
    INDEX ix_email_queue (status, next_attempt_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Reminders already sent before a written procedure's deadline, so each goes once.
CREATE TABLE deadline_reminder (
    round_id        BIGINT NOT NULL,
    organisation_id BIGINT NOT NULL,
    hours_before    INT    NOT NULL,
    PRIMARY KEY (round_id, organisation_id, hours_before)
) ENGINE = InnoDB;
