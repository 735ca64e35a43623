-- Schema 1: the domain of DESIGN.md (rounds, enterprises, applications, experts, panel,
-- conflicts, score sheets, decisions, attachments) and the audit chain. Frozen: never edit.

CREATE TABLE audit_events (
	seq INTEGER NOT NULL, 
	at VARCHAR NOT NULL, 
	actor TEXT NOT NULL, 
	action VARCHAR NOT NULL, 
	entity VARCHAR NOT NULL, 
	entity_id VARCHAR, 
	payload TEXT NOT NULL, 
	prev_hash VARCHAR(64) NOT NULL, 
	hash VARCHAR(64) NOT NULL, 
	PRIMARY KEY (seq)
);

CREATE TABLE enterprises (
	id INTEGER NOT NULL, 
	credit_code VARCHAR(18) NOT NULL, 
	name TEXT NOT NULL, 
	affiliation_group TEXT, 
	PRIMARY KEY (id), 
	UNIQUE (credit_code)
);

CREATE TABLE experts (
	id INTEGER NOT NULL, 
	name TEXT NOT NULL, 
	organisation TEXT, 
	title TEXT, 
	field TEXT, 
	phone TEXT, 
	PRIMARY KEY (id)
);

CREATE TABLE meta (
	"key" VARCHAR NOT NULL, 
	value TEXT NOT NULL, 
	PRIMARY KEY ("key")
);

CREATE TABLE rounds (
	id INTEGER NOT NULL, 
	year INTEGER NOT NULL, 
	kind VARCHAR NOT NULL, 
	title TEXT NOT NULL, 
	places INTEGER NOT NULL, 
	rubric_version TEXT, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (year, kind)
);

CREATE TABLE applications (
	id INTEGER NOT NULL, 
	round_id INTEGER NOT NULL, 
	enterprise_id INTEGER NOT NULL, 
	state VARCHAR NOT NULL, 
	enterprise_name TEXT NOT NULL, 
	affiliation_group TEXT, 
	registered_in_district BOOLEAN, 
	tax_in_district BOOLEAN, 
	stats_in_district BOOLEAN, 
	independent_legal_person BOOLEAN, 
	independent_accounting BOOLEAN, 
	good_credit BOOLEAN, 
	ip_staff_count INTEGER, 
	ip_budget_yuan TEXT, 
	senior_executive_principal BOOLEAN, 
	independent_ip_department BOOLEAN, 
	iso56005 BOOLEAN, 
	valid_invention_patents INTEGER, 
	pct_applications INTEGER, 
	contact_name TEXT, 
	contact_phone TEXT, 
	applied_on DATE, 
	source TEXT, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (round_id, enterprise_id), 
	FOREIGN KEY(round_id) REFERENCES rounds (id), 
	FOREIGN KEY(enterprise_id) REFERENCES enterprises (id)
);

CREATE TABLE bans (
	id INTEGER NOT NULL, 
	enterprise_id INTEGER NOT NULL, 
	rule VARCHAR NOT NULL, 
	reason TEXT NOT NULL, 
	starts_on DATE NOT NULL, 
	ends_on DATE NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(enterprise_id) REFERENCES enterprises (id)
);

CREATE TABLE panel_seats (
	id INTEGER NOT NULL, 
	round_id INTEGER NOT NULL, 
	expert_id INTEGER NOT NULL, 
	role VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (round_id, expert_id), 
	FOREIGN KEY(round_id) REFERENCES rounds (id), 
	FOREIGN KEY(expert_id) REFERENCES experts (id)
);

CREATE TABLE assignments (
	id INTEGER NOT NULL, 
	application_id INTEGER NOT NULL, 
	expert_id INTEGER NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (application_id, expert_id), 
	FOREIGN KEY(application_id) REFERENCES applications (id), 
	FOREIGN KEY(expert_id) REFERENCES experts (id)
);

CREATE TABLE attachments (
	id INTEGER NOT NULL, 
	application_id INTEGER, 
	filename TEXT NOT NULL, 
	media_type VARCHAR NOT NULL, 
	sha256 VARCHAR(64) NOT NULL, 
	content BLOB NOT NULL, 
	added_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(application_id) REFERENCES applications (id)
);

CREATE TABLE co_applicants (
	id INTEGER NOT NULL, 
	application_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	name TEXT NOT NULL, 
	kind VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (application_id, position), 
	CONSTRAINT r2_at_most_two_co_applicants CHECK (position IN (1, 2)), 
	FOREIGN KEY(application_id) REFERENCES applications (id) ON DELETE CASCADE
);

CREATE TABLE conflicts (
	id INTEGER NOT NULL, 
	application_id INTEGER NOT NULL, 
	expert_id INTEGER NOT NULL, 
	source VARCHAR NOT NULL, 
	reason TEXT NOT NULL, 
	recorded_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (application_id, expert_id), 
	FOREIGN KEY(application_id) REFERENCES applications (id), 
	FOREIGN KEY(expert_id) REFERENCES experts (id)
);

CREATE TABLE decisions (
	id INTEGER NOT NULL, 
	application_id INTEGER NOT NULL, 
	kind VARCHAR NOT NULL, 
	rule VARCHAR, 
	decided_on DATE NOT NULL, 
	note TEXT, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(application_id) REFERENCES applications (id)
);

CREATE TABLE score_sheets (
	id INTEGER NOT NULL, 
	application_id INTEGER NOT NULL, 
	expert_id INTEGER NOT NULL, 
	revision INTEGER NOT NULL, 
	status VARCHAR NOT NULL, 
	rubric_version TEXT NOT NULL, 
	transcribed_from_paper BOOLEAN NOT NULL, 
	correction_reason TEXT, 
	created_at DATETIME NOT NULL, 
	submitted_at DATETIME, 
	PRIMARY KEY (id), 
	UNIQUE (application_id, expert_id, revision), 
	FOREIGN KEY(application_id) REFERENCES applications (id), 
	FOREIGN KEY(expert_id) REFERENCES experts (id)
);

CREATE TABLE score_entries (
	id INTEGER NOT NULL, 
	sheet_id INTEGER NOT NULL, 
	criterion_code VARCHAR NOT NULL, 
	points TEXT, 
	comment TEXT, 
	PRIMARY KEY (id), 
	UNIQUE (sheet_id, criterion_code), 
	FOREIGN KEY(sheet_id) REFERENCES score_sheets (id) ON DELETE CASCADE
);

CREATE INDEX ix_applications_round ON applications (round_id);
CREATE INDEX ix_co_applicants_application ON co_applicants (application_id);
CREATE INDEX ix_decisions_application ON decisions (application_id);
CREATE INDEX ix_score_sheets_application ON score_sheets (application_id);
