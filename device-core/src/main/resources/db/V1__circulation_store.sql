-- Shiori device store, schema version 1.
-- Every table that can hold a patron key is listed in docs/privacy.md (P-REGISTER-1).

-- The collection as central last sent it. hold_for is the only personal field (P-ERASE-2).
CREATE TABLE items (
  item_id     TEXT PRIMARY KEY NOT NULL,
  title       TEXT NOT NULL,
  material    TEXT NOT NULL,
  home_branch TEXT NOT NULL,
  status      TEXT NOT NULL,
  flags       TEXT NOT NULL,
  parts       INTEGER NOT NULL CHECK (parts >= 1),
  hold_for    TEXT
) WITHOUT ROWID;
CREATE INDEX items_held ON items (hold_for) WHERE hold_for IS NOT NULL;

-- Patrons by keyed card hash (P-MIN-1): no name, no address, no card number.
CREATE TABLE patrons (
  patron_key           TEXT PRIMARY KEY NOT NULL,
  category             TEXT NOT NULL,
  expiry               TEXT NOT NULL,
  staff_block          INTEGER NOT NULL,
  overdue              INTEGER NOT NULL,
  loans_by_material    TEXT NOT NULL,
  ill_this_fiscal_year INTEGER NOT NULL,
  ill_on_loan          INTEGER NOT NULL,
  holds_and_requests   INTEGER NOT NULL,
  group_confirmed_on   TEXT,
  home_branch          TEXT NOT NULL
) WITHOUT ROWID;

-- Holds waiting for pickup, one per held item; erased when the item is lent (P-ERASE-2).
CREATE TABLE holds (
  item_id       TEXT PRIMARY KEY NOT NULL,
  patron_key    TEXT NOT NULL,
  pickup_branch TEXT NOT NULL
) WITHOUT ROWID;

-- Loans made on this device that central has not yet reflected in a patron sync (R-LIMIT-7).
-- Erased at the return (P-ERASE-1), or once central acknowledged the checkout and synced the patron.
CREATE TABLE local_loans (
  item_id      TEXT PRIMARY KEY NOT NULL,
  patron_key   TEXT NOT NULL,
  material     TEXT NOT NULL,
  acknowledged INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

-- High-water mark of sequence numbers that left the outbox. The next number is
-- max(last_sequence, max(outbox.sequence)) + 1: gap-free and never reused, and a checkout does not
-- have to write this page.
CREATE TABLE device_sequence (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  last_sequence INTEGER NOT NULL
);
INSERT INTO device_sequence (id, last_sequence) VALUES (1, 0);

-- Transactions not yet acknowledged by central (store, publish, confirm).
CREATE TABLE outbox (
  sequence       INTEGER PRIMARY KEY,
  transaction_id TEXT NOT NULL UNIQUE,
  type           TEXT NOT NULL CHECK (type IN ('CHECKOUT', 'RETURN')),
  device_id      TEXT NOT NULL,
  branch         TEXT NOT NULL,
  item_id        TEXT NOT NULL,
  patron_key     TEXT,
  due_date       TEXT,
  at             TEXT NOT NULL,
  offline        INTEGER NOT NULL,
  published      INTEGER NOT NULL DEFAULT 0,
  CHECK ((type = 'CHECKOUT') = (patron_key IS NOT NULL))
);

-- What a recorded transaction implies for the cache, run by SQLite inside the same statement as
-- the outbox insert: one round trip per checkout, and no way to commit one without the other.
-- Checkout: the item is on loan, a hold this patron had on it is consumed (P-ERASE-2), and the
-- loan counts against the patron until central reflects it (R-LIMIT-7).
CREATE TRIGGER outbox_checkout_cache AFTER INSERT ON outbox WHEN NEW.type = 'CHECKOUT'
BEGIN
  UPDATE items SET status = 'ON_LOAN',
    hold_for = CASE WHEN hold_for = NEW.patron_key THEN NULL ELSE hold_for END
    WHERE item_id = NEW.item_id;
  DELETE FROM holds WHERE item_id = NEW.item_id AND patron_key = NEW.patron_key;
  INSERT OR REPLACE INTO local_loans (item_id, patron_key, material, acknowledged)
    VALUES (NEW.item_id, NEW.patron_key,
      coalesce((SELECT material FROM items WHERE item_id = NEW.item_id), ''), 0);
END;

-- Return: the item is available and the loan record is erased at once (P-ERASE-1).
CREATE TRIGGER outbox_return_cache AFTER INSERT ON outbox WHEN NEW.type = 'RETURN'
BEGIN
  UPDATE items SET status = 'AVAILABLE' WHERE item_id = NEW.item_id;
  DELETE FROM local_loans WHERE item_id = NEW.item_id;
END;

-- Transactions central refused, for staff. The item is named, the patron never is.
CREATE TABLE rejections (
  sequence       INTEGER PRIMARY KEY,
  transaction_id TEXT NOT NULL,
  type           TEXT NOT NULL,
  item_id        TEXT NOT NULL,
  reason_code    TEXT NOT NULL,
  transaction_at TEXT NOT NULL,
  rejected_at    TEXT NOT NULL
);

-- Per data set: the version applied, when central last brought it current, and any snapshot being staged.
CREATE TABLE sync_state (
  dataset            TEXT PRIMARY KEY NOT NULL,
  applied_sequence   INTEGER NOT NULL,
  last_sync_at       TEXT,
  staging_sequence   INTEGER,
  staging_next_chunk INTEGER
) WITHOUT ROWID;
INSERT INTO sync_state (dataset, applied_sequence) VALUES
  ('ITEMS', 0), ('PATRONS', 0), ('HOLDS', 0), ('POLICY', 0), ('CALENDAR', 0);

-- Whole documents central sends as text (policy and calendar YAML).
CREATE TABLE documents (
  dataset  TEXT PRIMARY KEY NOT NULL,
  sequence INTEGER NOT NULL,
  content  TEXT NOT NULL
) WITHOUT ROWID;
