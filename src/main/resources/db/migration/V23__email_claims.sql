-- The mailer claims a batch of due email by writing its claim on the rows, and commits that before
-- it sends anything: a row a node claimed is sent by that node only, also on Galera, where a
-- SELECT ... FOR UPDATE on one node does not stop another from reading the same rows.
ALTER TABLE outgoing_email
    ADD COLUMN claim CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NULL AFTER status,
    ADD INDEX ix_email_claim (claim);
