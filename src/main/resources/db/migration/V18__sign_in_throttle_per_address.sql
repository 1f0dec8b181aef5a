-- The sign-in throttle no longer locks a username for everyone (which let anyone lock the Chair
-- out with a few wrong passwords). sign_in_throttle keeps each username's failures from any
-- address, for a delay of seconds that is computed from them and no longer stored; a username's
-- failures and last success from one client address lock that address alone; each address's
-- last failure and the failures per minute serve the portal-wide ceiling. Usernames are kept as
-- typed (normalised), whether or not an account has them, so the throttle reveals nothing.

DELETE FROM sign_in_throttle;

ALTER TABLE sign_in_throttle
    DROP COLUMN locked_until,
    ADD INDEX ix_sign_in_throttle_last_failure (last_failure_at);

CREATE TABLE sign_in_pair (
    username_key    VARCHAR(100) NOT NULL,
    address         VARCHAR(45)  NOT NULL,
    failures        INT          NOT NULL,
    last_failure_at DATETIME(6)  NULL,
    last_success_at DATETIME(6)  NULL,
    PRIMARY KEY (username_key, address),
    INDEX ix_sign_in_pair_last_failure (last_failure_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE sign_in_address (
    address         VARCHAR(45) NOT NULL PRIMARY KEY,
    last_failure_at DATETIME(6) NOT NULL,
    INDEX ix_sign_in_address_last_failure (last_failure_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE sign_in_failures (
    minute_start DATETIME NOT NULL PRIMARY KEY,
    failures     INT      NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
