-- Schema 9: the on-site assessment checklist (issue 19). Checklist templates kept whole like rubrics
-- (frozen into a round with its first visit); an expert's visit to a centre with its findings per
-- item; files (evidence, the application's documents) stored encrypted in the working file as
-- hash-addressed 1 MiB chunks, each file once however often it is attached; per-page private notes
-- and the page an expert left. The unused attachments table of schema 1 is rebuilt on the chunks
-- (a row it might hold becomes a single-chunk file).

CREATE TABLE checklists (
	id INTEGER NOT NULL, 
	label TEXT NOT NULL, 
	digest VARCHAR(64) NOT NULL, 
	body TEXT NOT NULL, 
	added_at DATETIME NOT NULL, 
	uuid VARCHAR(36) NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (digest)
);

ALTER TABLE rounds ADD COLUMN checklist_version TEXT;

CREATE TABLE visits (
	id INTEGER NOT NULL, 
	application_id INTEGER NOT NULL, 
	expert_id INTEGER, 
	checklist_label TEXT NOT NULL, 
	rectification_of INTEGER, 
	visited_on DATE, 
	place TEXT, 
	enterprise_participants TEXT, 
	panel_participants TEXT, 
	started_at VARCHAR, 
	ended_at VARCHAR, 
	created_at DATETIME NOT NULL, 
	uuid VARCHAR(36) NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(application_id) REFERENCES applications (id), 
	FOREIGN KEY(expert_id) REFERENCES experts (id), 
	FOREIGN KEY(rectification_of) REFERENCES visits (id)
);

CREATE TABLE findings (
	id INTEGER NOT NULL, 
	visit_id INTEGER NOT NULL, 
	item_code VARCHAR NOT NULL, 
	status VARCHAR NOT NULL, 
	figure TEXT, 
	note TEXT, 
	updated_at DATETIME NOT NULL, 
	uuid VARCHAR(36) NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (visit_id, item_code), 
	FOREIGN KEY(visit_id) REFERENCES visits (id)
);

CREATE TABLE blob_chunks (
	digest VARCHAR(64) NOT NULL, 
	n INTEGER NOT NULL, 
	data BLOB NOT NULL, 
	PRIMARY KEY (digest, n)
);

INSERT OR IGNORE INTO blob_chunks (digest, n, data) SELECT sha256, 0, content FROM attachments;

CREATE TABLE attachments_9 (
	id INTEGER NOT NULL, 
	application_id INTEGER, 
	visit_id INTEGER, 
	item_code VARCHAR, 
	kind VARCHAR NOT NULL, 
	filename TEXT NOT NULL, 
	media_type VARCHAR NOT NULL, 
	sha256 VARCHAR(64) NOT NULL, 
	size INTEGER NOT NULL, 
	added_at DATETIME NOT NULL, 
	uuid VARCHAR(36) NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(application_id) REFERENCES applications (id), 
	FOREIGN KEY(visit_id) REFERENCES visits (id)
);

INSERT INTO attachments_9 (id, application_id, visit_id, item_code, kind, filename, media_type, sha256, size,
                           added_at, uuid)
	SELECT id, application_id, NULL, NULL, 'document', filename, media_type, sha256, length(content), added_at, uuid
	FROM attachments;
DROP TABLE attachments;
ALTER TABLE attachments_9 RENAME TO attachments;
CREATE UNIQUE INDEX ix_attachments_uuid ON attachments (uuid);

CREATE TABLE page_notes (
	id INTEGER NOT NULL, 
	attachment_id INTEGER NOT NULL, 
	expert_id INTEGER NOT NULL, 
	page INTEGER NOT NULL, 
	text TEXT NOT NULL, 
	updated_at DATETIME NOT NULL, 
	uuid VARCHAR(36) NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (attachment_id, expert_id, page), 
	FOREIGN KEY(attachment_id) REFERENCES attachments (id), 
	FOREIGN KEY(expert_id) REFERENCES experts (id)
);

CREATE TABLE reading_positions (
	attachment_id INTEGER NOT NULL, 
	expert_id INTEGER NOT NULL, 
	page INTEGER NOT NULL, 
	PRIMARY KEY (attachment_id, expert_id), 
	FOREIGN KEY(attachment_id) REFERENCES attachments (id), 
	FOREIGN KEY(expert_id) REFERENCES experts (id)
);

CREATE UNIQUE INDEX ix_checklists_uuid ON checklists (uuid);
CREATE UNIQUE INDEX ix_visits_uuid ON visits (uuid);
CREATE UNIQUE INDEX ix_findings_uuid ON findings (uuid);
CREATE UNIQUE INDEX ix_page_notes_uuid ON page_notes (uuid);
