-- A sequence already taken may arrive again under another transaction id (a forged message, or the
-- real one after a forged one came first). Central keeps both: the later one with
-- sequence_conflict = 1, outside the per-device unique sequence; both wait with ils_state 'held'
-- until staff say which one is real (docs/central.md, "Sequence conflicts").
ALTER TABLE transactions ADD COLUMN sequence_conflict INTEGER NOT NULL DEFAULT 0;
ALTER TABLE transactions DROP CONSTRAINT transactions_device_sequence;
CREATE UNIQUE INDEX transactions_device_sequence ON transactions (device_id, sequence)
  WHERE sequence_conflict = 0;
