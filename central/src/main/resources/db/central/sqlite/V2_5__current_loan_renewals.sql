-- How many times each current loan was renewed at a kiosk (the rules allow a loan rule's
-- `renewals`, R-LIMIT-2 practice, none for ILL items, R-ILL-2). Erased with the loan at the return.
ALTER TABLE current_loans ADD COLUMN renewals INTEGER NOT NULL DEFAULT 0;
