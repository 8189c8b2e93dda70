-- A sequence already taken may arrive again under another transaction id (a forged message, or the
-- real one after a forged one came first). Central keeps both: the later one with
-- sequence_conflict = 1, outside the per-device unique sequence; both wait with ils_state 'held'
-- until staff say which one is real (docs/central.md, "Sequence conflicts").
-- SQLite cannot drop a table constraint: the table is rebuilt with the same columns.
CREATE TABLE transactions_v2 (
  tx_id TEXT PRIMARY KEY,
  device_id TEXT NOT NULL,
  sequence BIGINT NOT NULL,
  type TEXT NOT NULL,
  branch TEXT NOT NULL,
  item_id TEXT NOT NULL,
  patron_key TEXT,
  happened_at BIGINT NOT NULL,
  due_date TEXT,
  offline INTEGER NOT NULL,
  received_at BIGINT NOT NULL,
  status TEXT NOT NULL,
  reason TEXT,
  content_hash TEXT NOT NULL,
  ils_state TEXT NOT NULL,
  sequence_conflict INTEGER NOT NULL DEFAULT 0
);
INSERT INTO transactions_v2 (tx_id, device_id, sequence, type, branch, item_id, patron_key,
  happened_at, due_date, offline, received_at, status, reason, content_hash, ils_state)
  SELECT tx_id, device_id, sequence, type, branch, item_id, patron_key, happened_at, due_date,
    offline, received_at, status, reason, content_hash, ils_state FROM transactions;
DROP TABLE transactions;
ALTER TABLE transactions_v2 RENAME TO transactions;
CREATE UNIQUE INDEX transactions_device_sequence ON transactions (device_id, sequence)
  WHERE sequence_conflict = 0;
