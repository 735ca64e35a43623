-- Schema 6: stable identities (issue 16). Every record that may travel between laptops carries a
-- UUID made where it is born and kept by every copy; integer ids stay local to one file. Existing
-- rows get a random version-4 UUID here. Every working file gets its own device id (meta), and
-- every audit event from now on names the device, the role and the person who did it; `v` is the
-- version of the event's hash (1: the events written before this schema, 2: with identities).

ALTER TABLE rounds ADD COLUMN uuid VARCHAR(36) NOT NULL DEFAULT '';
UPDATE rounds SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
CREATE UNIQUE INDEX ix_rounds_uuid ON rounds (uuid);

ALTER TABLE enterprises ADD COLUMN uuid VARCHAR(36) NOT NULL DEFAULT '';
UPDATE enterprises SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
CREATE UNIQUE INDEX ix_enterprises_uuid ON enterprises (uuid);

ALTER TABLE bans ADD COLUMN uuid VARCHAR(36) NOT NULL DEFAULT '';
UPDATE bans SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
CREATE UNIQUE INDEX ix_bans_uuid ON bans (uuid);

ALTER TABLE applications ADD COLUMN uuid VARCHAR(36) NOT NULL DEFAULT '';
UPDATE applications SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
CREATE UNIQUE INDEX ix_applications_uuid ON applications (uuid);

ALTER TABLE co_applicants ADD COLUMN uuid VARCHAR(36) NOT NULL DEFAULT '';
UPDATE co_applicants SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
CREATE UNIQUE INDEX ix_co_applicants_uuid ON co_applicants (uuid);

ALTER TABLE experts ADD COLUMN uuid VARCHAR(36) NOT NULL DEFAULT '';
UPDATE experts SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
CREATE UNIQUE INDEX ix_experts_uuid ON experts (uuid);

ALTER TABLE panel_seats ADD COLUMN uuid VARCHAR(36) NOT NULL DEFAULT '';
UPDATE panel_seats SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
CREATE UNIQUE INDEX ix_panel_seats_uuid ON panel_seats (uuid);

ALTER TABLE assignments ADD COLUMN uuid VARCHAR(36) NOT NULL DEFAULT '';
UPDATE assignments SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
CREATE UNIQUE INDEX ix_assignments_uuid ON assignments (uuid);

ALTER TABLE conflicts ADD COLUMN uuid VARCHAR(36) NOT NULL DEFAULT '';
UPDATE conflicts SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
CREATE UNIQUE INDEX ix_conflicts_uuid ON conflicts (uuid);

ALTER TABLE score_sheets ADD COLUMN uuid VARCHAR(36) NOT NULL DEFAULT '';
UPDATE score_sheets SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
CREATE UNIQUE INDEX ix_score_sheets_uuid ON score_sheets (uuid);

ALTER TABLE score_entries ADD COLUMN uuid VARCHAR(36) NOT NULL DEFAULT '';
UPDATE score_entries SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
CREATE UNIQUE INDEX ix_score_entries_uuid ON score_entries (uuid);

ALTER TABLE decisions ADD COLUMN uuid VARCHAR(36) NOT NULL DEFAULT '';
UPDATE decisions SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
CREATE UNIQUE INDEX ix_decisions_uuid ON decisions (uuid);

ALTER TABLE attachments ADD COLUMN uuid VARCHAR(36) NOT NULL DEFAULT '';
UPDATE attachments SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
CREATE UNIQUE INDEX ix_attachments_uuid ON attachments (uuid);

ALTER TABLE audit_events ADD COLUMN uuid VARCHAR(36) NOT NULL DEFAULT '';
UPDATE audit_events SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
CREATE UNIQUE INDEX ix_audit_events_uuid ON audit_events (uuid);

ALTER TABLE review_overrides ADD COLUMN uuid VARCHAR(36) NOT NULL DEFAULT '';
UPDATE review_overrides SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
CREATE UNIQUE INDEX ix_review_overrides_uuid ON review_overrides (uuid);

ALTER TABLE recognised_centres ADD COLUMN uuid VARCHAR(36) NOT NULL DEFAULT '';
UPDATE recognised_centres SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
CREATE UNIQUE INDEX ix_recognised_centres_uuid ON recognised_centres (uuid);

ALTER TABLE rubrics ADD COLUMN uuid VARCHAR(36) NOT NULL DEFAULT '';
UPDATE rubrics SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
CREATE UNIQUE INDEX ix_rubrics_uuid ON rubrics (uuid);

ALTER TABLE paper_keyings ADD COLUMN uuid VARCHAR(36) NOT NULL DEFAULT '';
UPDATE paper_keyings SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
CREATE UNIQUE INDEX ix_paper_keyings_uuid ON paper_keyings (uuid);

ALTER TABLE flag_explanations ADD COLUMN uuid VARCHAR(36) NOT NULL DEFAULT '';
UPDATE flag_explanations SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
CREATE UNIQUE INDEX ix_flag_explanations_uuid ON flag_explanations (uuid);

ALTER TABLE tie_decisions ADD COLUMN uuid VARCHAR(36) NOT NULL DEFAULT '';
UPDATE tie_decisions SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
CREATE UNIQUE INDEX ix_tie_decisions_uuid ON tie_decisions (uuid);

ALTER TABLE consolidations ADD COLUMN uuid VARCHAR(36) NOT NULL DEFAULT '';
UPDATE consolidations SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
CREATE UNIQUE INDEX ix_consolidations_uuid ON consolidations (uuid);

ALTER TABLE audit_events ADD COLUMN device VARCHAR NOT NULL DEFAULT '';
ALTER TABLE audit_events ADD COLUMN role VARCHAR NOT NULL DEFAULT '';
ALTER TABLE audit_events ADD COLUMN person TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_events ADD COLUMN v INTEGER NOT NULL DEFAULT 1;

INSERT OR IGNORE INTO meta (key, value) VALUES ('device_id', lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))));
