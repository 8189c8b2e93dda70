-- Central's own database (SQLite). The PostgreSQL folder beside this one has the same tables and
-- columns; only the generated keys are spelt differently. Times are epoch milliseconds (UTC),
-- dates ISO yyyy-mm-dd text, flags 0/1 integers: the same values on both databases.

-- Devices met, from birth/death messages and transactions: the highest (boot, connection_seq)
-- wins; last_sequence is the last transaction sequence taken, the per-device serialisation point.
CREATE TABLE devices (
  device_id TEXT PRIMARY KEY,
  online INTEGER NOT NULL DEFAULT 0,
  boot BIGINT NOT NULL DEFAULT 0,
  connection_seq BIGINT NOT NULL DEFAULT 0,
  state_at BIGINT,
  last_sequence BIGINT NOT NULL DEFAULT 0
);

-- Every transaction taken, once. patron_key is kept only while the ILS still needs it (a
-- checkout waiting to be forwarded) and erased afterwards; the loan itself is in current_loans.
CREATE TABLE transactions (
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
  CONSTRAINT transactions_device_sequence UNIQUE (device_id, sequence)
);

-- Transactions waiting for the ILS, in the order they were taken (store-then-forward).
CREATE TABLE ils_queue (
  position INTEGER PRIMARY KEY AUTOINCREMENT,
  tx_id TEXT NOT NULL UNIQUE,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT
);

-- Who has which item now: erased at the return (P-ERASE-1).
CREATE TABLE current_loans (
  item_id TEXT PRIMARY KEY,
  patron_key TEXT NOT NULL,
  due_date TEXT NOT NULL,
  tx_id TEXT NOT NULL,
  since BIGINT NOT NULL
);
CREATE INDEX current_loans_patron ON current_loans (patron_key);

-- Transactions central or the ILS refused, and forged or conflicting messages. No patron.
CREATE TABLE rejections (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  tx_id TEXT,
  device_id TEXT NOT NULL,
  sequence BIGINT,
  reason TEXT NOT NULL,
  source TEXT NOT NULL,
  at BIGINT NOT NULL
);

-- Device events and central's own staff notices. Never a patron.
CREATE TABLE events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  device_id TEXT,
  type TEXT NOT NULL,
  at BIGINT NOT NULL,
  item_id TEXT,
  title TEXT,
  tx_id TEXT,
  code TEXT,
  count BIGINT,
  source TEXT NOT NULL
);

-- The data sets the devices sync, each with a version that every change increments.
CREATE TABLE dataset_versions (
  dataset TEXT PRIMARY KEY,
  version BIGINT NOT NULL
);
INSERT INTO dataset_versions (dataset, version) VALUES
  ('items', 1), ('patrons', 1), ('holds', 1), ('policy', 0), ('calendar', 0);

CREATE TABLE items (
  item_id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  material TEXT NOT NULL,
  home_branch TEXT NOT NULL,
  status TEXT NOT NULL,
  flags TEXT NOT NULL,
  parts INTEGER NOT NULL,
  hold_for TEXT,
  version BIGINT NOT NULL
);

CREATE TABLE patrons (
  patron_key TEXT PRIMARY KEY,
  category TEXT NOT NULL,
  expiry TEXT NOT NULL,
  staff_block INTEGER NOT NULL,
  overdue INTEGER NOT NULL,
  loans_by_material TEXT NOT NULL,
  ill_this_fiscal_year INTEGER NOT NULL,
  ill_on_loan INTEGER NOT NULL,
  holds_and_requests INTEGER NOT NULL,
  group_confirmed_on TEXT,
  home_branch TEXT NOT NULL,
  version BIGINT NOT NULL
);

-- Holds waiting: deleted when the held item is lent (P-ERASE-2).
CREATE TABLE holds (
  item_id TEXT PRIMARY KEY,
  patron_key TEXT NOT NULL,
  pickup_branch TEXT NOT NULL,
  version BIGINT NOT NULL
);

CREATE TABLE documents (
  dataset TEXT PRIMARY KEY,
  content TEXT NOT NULL,
  version BIGINT NOT NULL
);

-- Card numbers, only where a connector must speak for the patron (SIP2 field AA).
CREATE TABLE patron_cards (
  patron_key TEXT PRIMARY KEY,
  card_number TEXT NOT NULL
);

-- Which instance forwards to the ILS now: one holder at a time, taken over when it expires.
CREATE TABLE leases (
  name TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  expires_at BIGINT NOT NULL
);
