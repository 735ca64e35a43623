-- Schema 12: packages between laptops (issue 21). The panel's exchange key (X25519) that experts'
-- return packages are encrypted to: its private half never leaves the secretary's file, as the
-- root's key does not. And one receipt per expert's file (expert × device): the audit-chain head
-- of the last return package merged from it, so an older or a rewritten package is caught, and the
-- evidence files that package carried (JSON list of UUIDs): one the next package no longer carries
-- was taken off on the laptop; a file added at the office was never carried, and stays.

CREATE TABLE panel_exchange_keys (
	id INTEGER NOT NULL, 
	private_key BLOB NOT NULL, 
	public_key VARCHAR(64) NOT NULL, 
	created_at DATETIME NOT NULL, 
	uuid VARCHAR(36) NOT NULL, 
	PRIMARY KEY (id)
);

CREATE TABLE package_receipts (
	id INTEGER NOT NULL, 
	expert_uuid VARCHAR(36) NOT NULL, 
	device VARCHAR NOT NULL, 
	package_id VARCHAR(36) NOT NULL, 
	head_seq INTEGER NOT NULL, 
	head_hash VARCHAR(64) NOT NULL, 
	merged_at DATETIME NOT NULL, 
	evidence TEXT NOT NULL, 
	uuid VARCHAR(36) NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (expert_uuid, device)
);
