-- The tamper-evident audit trail: append-only entries, each holding the hash of its content
-- chained to the previous entry's hash. The head row serialises appends and holds the last hash.
CREATE TABLE audit_entry (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    occurred_at    DATETIME(6)   NOT NULL,
    actor          VARCHAR(300)  NOT NULL,
    organisation   VARCHAR(200)  NOT NULL,
    action         VARCHAR(100)  NOT NULL,
    target         VARCHAR(200)  NOT NULL,
    summary        VARCHAR(2000) NOT NULL,
    request_id     VARCHAR(64)   NULL,
    client_address VARCHAR(64)   NULL,
    previous_hash  CHAR(64)      NOT NULL,
    hash           CHAR(64)      NOT NULL,
    INDEX ix_audit_time (occurred_at),
    INDEX ix_audit_actor (actor),
    INDEX ix_audit_target (target),
    INDEX ix_audit_action (action)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE audit_head (
    id        INT      NOT NULL PRIMARY KEY,
    last_hash CHAR(64) NOT NULL
) ENGINE = InnoDB;

INSERT INTO audit_head (id, last_hash) VALUES (1, '0000000000000000000000000000000000000000000000000000000000000000');

-- Each year's switch of the Chair's office, recorded once when the clock crosses 1 January.
CREATE TABLE chair_office_switch (
    year        INT         NOT NULL PRIMARY KEY,
    recorded_at DATETIME(6) NOT NULL
) ENGINE = InnoDB;
