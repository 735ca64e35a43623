-- Schema 8: the audit chain replays the tables (issue 18). Every operation now ends with a `rows`
-- event holding the rows it left; the engine writes a `rows.baseline` event with every row right
-- after this migration (and after any later one), from which `check` replays. The index finds
-- those events without reading the whole chain.

CREATE INDEX IF NOT EXISTS ix_audit_events_action ON audit_events (action, seq);
