-- Schema 11: score sheets signed as data (issue 20 §4). At submission the sheet's canonical content
-- (domain/sheet_content.py, version `signed_content_v`) is signed with the expert's key; the
-- signature and the fingerprint of the certificate it was made with are kept with the sheet. Older
-- sheets, paper sheets and experts without a certificate stay unsigned (NULL).

ALTER TABLE score_sheets ADD COLUMN content_signature BLOB;
ALTER TABLE score_sheets ADD COLUMN signed_by TEXT;
ALTER TABLE score_sheets ADD COLUMN signed_content_v INTEGER;
