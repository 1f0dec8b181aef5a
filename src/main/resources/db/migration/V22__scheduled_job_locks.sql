-- Which node runs a scheduled job now, and until when (ShedLock's table, under the names it
-- expects): a node runs the job only after moving lock_until from the past into the future, a
-- write on this row that the database, or on Galera the cluster's certification, lets one node
-- make at a time. Times are the database's UTC_TIMESTAMP, so the nodes' clocks do not matter.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until DATETIME(3)  NOT NULL,
    locked_at  DATETIME(3)  NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
