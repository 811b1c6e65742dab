-- The audit is append-only: no code of ours may change or remove an entry (a retention
-- purge, say, that thinks it should forget a testimony's id). Whoever holds the file can
-- drop these triggers; the hash chain and a head anchored off the server catch that.
-- Each trigger on one line: the migration runner splits statements at a ';' ending a line.
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit entries cannot be changed'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit entries cannot be deleted'); END;
