-- One row a vote; the idempotency key is the primary key, so a key is stored once.
CREATE TABLE votes (
  key TEXT NOT NULL PRIMARY KEY,
  poll TEXT NOT NULL,
  option TEXT NOT NULL,
  -- When the vote was stored, in milliseconds since 1970 (UTC).
  at INTEGER NOT NULL
) WITHOUT ROWID;

-- Votes per poll option, kept in the same transaction as the votes so a read sums a few rows
-- instead of counting millions. SQLite has one writer at a time, so one row per option (shard 0)
-- is enough; the column keeps the schema the same as PostgreSQL's.
CREATE TABLE counts (
  poll TEXT NOT NULL,
  option TEXT NOT NULL,
  shard INTEGER NOT NULL DEFAULT 0,
  n INTEGER NOT NULL,
  PRIMARY KEY (poll, option, shard)
) WITHOUT ROWID;
