-- Visitors counted by a gate's two beams (docs/gate.md, "Visitors in and out"). One row per hour
-- (UTC start, ISO-8601) with the walkers counted in and out; "reported" is set in the same
-- transaction that stores the hour's report in device_events, so a report is stored exactly once.
-- The running totals are kept apart so they survive the pruning of old hours.
CREATE TABLE visitor_hours (
  hour       TEXT PRIMARY KEY,
  in_count   INTEGER NOT NULL DEFAULT 0,
  out_count  INTEGER NOT NULL DEFAULT 0,
  reported   INTEGER NOT NULL DEFAULT 0 CHECK (reported IN (0, 1))
);
CREATE TABLE visitor_totals (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  in_total   INTEGER NOT NULL,
  out_total  INTEGER NOT NULL
);
INSERT INTO visitor_totals (id, in_total, out_total) VALUES (1, 0, 0);
