-- A person's second factor: the shared secret of their authenticator app (encrypted with the
-- key the portal is given in its environment), the last time step a code was accepted for (so
-- each code works once), and ten single-use recovery codes, kept as salted password hashes.
CREATE TABLE second_factor (
    account_id     BIGINT       NOT NULL PRIMARY KEY,
    secret         VARCHAR(255) NOT NULL,
    last_used_step BIGINT       NOT NULL DEFAULT 0,
    enrolled_at    DATETIME(6)  NOT NULL,
    CONSTRAINT fk_second_factor_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE recovery_code (
    id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id BIGINT      NOT NULL,
    code_hash  VARCHAR(255) NOT NULL,
    used_at    DATETIME(6) NULL,
    INDEX ix_recovery_code_account (account_id, used_at),
    CONSTRAINT fk_recovery_code_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
