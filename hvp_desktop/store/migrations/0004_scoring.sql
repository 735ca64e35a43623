-- Schema 4: scoring (issue 4). Rubrics are stored whole in the file (a round's rubric is frozen
-- once scoring starts and every sheet names the version it was scored on); a submitted sheet
-- carries the conflict-of-interest statement and the expert's drawn signature; a paper sheet
-- entered by the secretary is keyed twice, blind, and counts only when both keyings agree.

CREATE TABLE rubrics (
	id INTEGER NOT NULL, 
	label TEXT NOT NULL, 
	digest VARCHAR(64) NOT NULL, 
	kind VARCHAR NOT NULL, 
	body TEXT NOT NULL, 
	added_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (digest)
);

ALTER TABLE score_sheets ADD COLUMN statement_confirmed_at DATETIME;
ALTER TABLE score_sheets ADD COLUMN signature_strokes TEXT;
ALTER TABLE score_sheets ADD COLUMN signature_png BLOB;

CREATE TABLE paper_keyings (
	id INTEGER NOT NULL, 
	application_id INTEGER NOT NULL, 
	expert_id INTEGER NOT NULL, 
	keying INTEGER NOT NULL, 
	entries TEXT NOT NULL, 
	keyed_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (application_id, expert_id, keying), 
	CHECK (keying IN (1, 2)), 
	FOREIGN KEY(application_id) REFERENCES applications (id), 
	FOREIGN KEY(expert_id) REFERENCES experts (id)
);
