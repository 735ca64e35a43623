-- Schema 10: the panel's certificates (issue 20). The panel's root certificate (public, travels to
-- the experts' files) is kept apart from its private key (never leaves the secretary's file); each
-- expert's signing identities (a certificate issued by the root or imported from a PKCS#12), the
-- key PKCS#8 PEM, encrypted under the expert's PIN when they set one. Keys are BLOBs so that the
-- audit chain's row images hold their SHA-256 only, never the key itself.

CREATE TABLE panel_roots (
	id INTEGER NOT NULL, 
	certificate TEXT NOT NULL, 
	fingerprint VARCHAR(64) NOT NULL, 
	not_after DATETIME NOT NULL, 
	created_at DATETIME NOT NULL, 
	uuid VARCHAR(36) NOT NULL, 
	PRIMARY KEY (id)
);

CREATE TABLE panel_root_keys (
	id INTEGER NOT NULL, 
	root_id INTEGER NOT NULL, 
	private_key BLOB NOT NULL, 
	created_at DATETIME NOT NULL, 
	uuid VARCHAR(36) NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (root_id), 
	FOREIGN KEY(root_id) REFERENCES panel_roots (id)
);

CREATE TABLE signing_identities (
	id INTEGER NOT NULL, 
	expert_id INTEGER NOT NULL, 
	certificate TEXT NOT NULL, 
	chain TEXT NOT NULL, 
	private_key BLOB NOT NULL, 
	pin_protected BOOLEAN NOT NULL, 
	source VARCHAR NOT NULL, 
	issued_by_panel BOOLEAN NOT NULL, 
	fingerprint VARCHAR(64) NOT NULL, 
	not_after DATETIME NOT NULL, 
	created_at DATETIME NOT NULL, 
	replaced_at DATETIME, 
	uuid VARCHAR(36) NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT ck_identity_source CHECK (source IN ('issued', 'imported')), 
	FOREIGN KEY(expert_id) REFERENCES experts (id)
);

CREATE UNIQUE INDEX ix_panel_roots_uuid ON panel_roots (uuid);
CREATE UNIQUE INDEX ix_panel_root_keys_uuid ON panel_root_keys (uuid);
CREATE UNIQUE INDEX ix_signing_identities_uuid ON signing_identities (uuid);
