-- The single-use links that open an account (an invitation) or recover it (a password reset),
-- kept by Spring Security's JdbcOneTimeTokenService under the table and column names it expects.
-- The username column holds the link's purpose with the account ("invite:<username>",
-- "reset:<username>"), so a link made for one cannot serve the other. A row is deleted when its
-- link is used; expired rows are deleted a while after they expire, so the page can still say
-- that the link has expired.
CREATE TABLE one_time_tokens (
    token_value VARCHAR(36)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    username    VARCHAR(100) NOT NULL,
    expires_at  DATETIME(6)  NOT NULL,
    INDEX ix_one_time_tokens_username (username),
    INDEX ix_one_time_tokens_expiry (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The links already used, by the SHA-256 of their token, so that opening one again says that it
-- has been used rather than that it is unknown.
CREATE TABLE one_time_token_spent (
    token_hash CHAR(64)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    spent_at   DATETIME(6) NOT NULL,
    INDEX ix_one_time_token_spent_at (spent_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- An invited account waits, inactive and without a usable password, until its holder chooses one
-- through the invitation's link. The credentials stamp changes when a password is reset through a
-- link, which ends every session opened before. The time of the last reset link sent limits how
-- often one can be asked for.
ALTER TABLE account
    ADD COLUMN invitation_pending BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN invited_by_id      BIGINT      NULL,
    ADD COLUMN invited_at         DATETIME(6) NULL,
    ADD COLUMN credentials_stamp  BIGINT      NOT NULL DEFAULT 0,
    ADD COLUMN reset_link_sent_at DATETIME(6) NULL,
    ADD CONSTRAINT fk_account_invited_by FOREIGN KEY (invited_by_id) REFERENCES account (id),
    ADD CONSTRAINT ck_account_invitation CHECK (NOT (invitation_pending AND active));

-- NULL for notifications and digests, which go only to readers who may open what they link to.
-- INVITATION and PASSWORD_RESET for the emails that open or recover an account: their recipient
-- is not (yet) a reader, and their link is the only way in.
ALTER TABLE outgoing_email ADD COLUMN purpose VARCHAR(20) NULL;
