-- Lending library, lending branch and lender instructions of an item, as central sends them in the
-- items data set (docs/mqtt.md). None of them names a patron: they describe the item's loan.
-- An interlibrary-loan item goes back to the library it was borrowed from (R-ILL return routing).
ALTER TABLE items ADD COLUMN lending_library TEXT;
-- The branch a group loan must be returned to (R-GROUP-3).
ALTER TABLE items ADD COLUMN lending_branch TEXT;
-- The lending library's instructions (R-ILL-3): ISO date, ISO-8601 period, in-library use only.
ALTER TABLE items ADD COLUMN lender_due_date TEXT;
ALTER TABLE items ADD COLUMN lender_period TEXT;
ALTER TABLE items ADD COLUMN lender_in_library_only INTEGER NOT NULL DEFAULT 0
  CHECK (lender_in_library_only IN (0, 1));
