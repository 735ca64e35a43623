-- Schema 3: the programme's rules (issue 3). Decision events carry their data, so an
-- application's state can be rebuilt from its decisions alone; the secretary's overrides of
-- formal-review checks; the register of already recognised centres (R3); the statutory
-- calendar entered for years chinesecalendar does not know; a round's places override (R14);
-- the preliminary (Annex 2) score used for shortlisting (R15).

ALTER TABLE decisions ADD COLUMN data TEXT NOT NULL DEFAULT '{}';

ALTER TABLE rounds ADD COLUMN places_override_reason TEXT;

ALTER TABLE applications ADD COLUMN preliminary_score TEXT;

CREATE TABLE review_overrides (
	id INTEGER NOT NULL, 
	application_id INTEGER NOT NULL, 
	check_key VARCHAR NOT NULL, 
	outcome VARCHAR NOT NULL, 
	reason TEXT NOT NULL, 
	recorded_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (application_id, check_key), 
	FOREIGN KEY(application_id) REFERENCES applications (id)
);

CREATE TABLE recognised_centres (
	id INTEGER NOT NULL, 
	credit_code VARCHAR(18) NOT NULL, 
	name TEXT NOT NULL, 
	title VARCHAR NOT NULL, 
	affiliation_group TEXT, 
	year INTEGER, 
	PRIMARY KEY (id), 
	UNIQUE (credit_code, title)
);

CREATE TABLE calendar_days (
	day DATE NOT NULL, 
	kind VARCHAR NOT NULL, 
	source TEXT, 
	PRIMARY KEY (day)
);
