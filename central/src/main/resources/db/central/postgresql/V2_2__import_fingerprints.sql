-- The file-import connector's last committed import: per data set and record key (item id,
-- patron key, held item id) a SHA-256 of the record's content, never the record. The next import
-- is diffed against it into deltas. Replaced whole, in the transaction that applies the deltas.
CREATE TABLE import_fingerprints (
  dataset TEXT NOT NULL,
  record_key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  PRIMARY KEY (dataset, record_key)
);
