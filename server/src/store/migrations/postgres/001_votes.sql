-- One row a vote; the idempotency key is the primary key, so a key is stored once, and a second
-- writer of the same key waits for the first one's transaction.
CREATE TABLE votes (
  key text NOT NULL PRIMARY KEY,
  poll text NOT NULL,
  option text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);

-- Votes per poll option, spread over shards: each vote adds 1 to a random shard in the same
-- statement as its insert, so concurrent votes for one option rarely wait on the same row.
-- A read sums the shards (at most 16 rows per option).
CREATE TABLE counts (
  poll text NOT NULL,
  option text NOT NULL,
  shard smallint NOT NULL,
  n bigint NOT NULL,
  PRIMARY KEY (poll, option, shard)
);
