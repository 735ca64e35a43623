-- Schema 2: spreadsheet headers mapped by the user, remembered for the next import.

CREATE TABLE import_mappings (
	header TEXT NOT NULL, 
	field VARCHAR NOT NULL, 
	PRIMARY KEY (header)
);
