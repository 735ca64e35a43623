-- Schema 5: the aggregated ranking (issue 5). A round's aggregation method, outlier margin and
-- tie-break order (frozen once the chair consolidates); the written explanations the flags ask
-- for; the chair's decision on a tie still standing at the places line; consolidations (a lock,
-- with the result it locked) and their reopening with a reason. An assessment round's rows name
-- the recognition application whose centre they assess, and which year's assessment it is (1 or 2).

ALTER TABLE rounds ADD COLUMN method VARCHAR NOT NULL DEFAULT 'trimmed_mean';
ALTER TABLE rounds ADD COLUMN outlier_margin TEXT NOT NULL DEFAULT '15';
ALTER TABLE rounds ADD COLUMN tie_breaks TEXT NOT NULL DEFAULT '[]';

ALTER TABLE applications ADD COLUMN assesses_application_id INTEGER REFERENCES applications (id);
ALTER TABLE applications ADD COLUMN assessed_year INTEGER;

CREATE TABLE flag_explanations (
	id INTEGER NOT NULL, 
	application_id INTEGER NOT NULL, 
	expert_id INTEGER NOT NULL, 
	kind VARCHAR NOT NULL, 
	criterion_code VARCHAR NOT NULL, 
	deviation TEXT NOT NULL, 
	author VARCHAR NOT NULL, 
	text TEXT NOT NULL, 
	recorded_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(application_id) REFERENCES applications (id), 
	FOREIGN KEY(expert_id) REFERENCES experts (id)
);

CREATE TABLE tie_decisions (
	id INTEGER NOT NULL, 
	round_id INTEGER NOT NULL, 
	applications TEXT NOT NULL, 
	scores TEXT NOT NULL, 
	reason TEXT NOT NULL, 
	recorded_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(round_id) REFERENCES rounds (id)
);

CREATE TABLE consolidations (
	id INTEGER NOT NULL, 
	round_id INTEGER NOT NULL, 
	method VARCHAR NOT NULL, 
	decided_on DATE NOT NULL, 
	result TEXT NOT NULL, 
	consolidated_at DATETIME NOT NULL, 
	reopened_at DATETIME, 
	reopened_on DATE, 
	reopen_reason TEXT, 
	PRIMARY KEY (id), 
	FOREIGN KEY(round_id) REFERENCES rounds (id)
);
