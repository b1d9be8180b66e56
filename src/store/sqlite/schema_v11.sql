-- auth-center SQLite schema, version 11: resource indicators (RFC 8707). The resource
-- identifiers an authorization is for, as a JSON array of strings, on the code, the grant, its
-- refresh tokens, the remembered consent and the device code. Rows from before this version
-- name no resource: their tokens are for the issuer, as they always were.
ALTER TABLE codes ADD COLUMN resources TEXT NOT NULL DEFAULT '[]';
ALTER TABLE grants ADD COLUMN resources TEXT NOT NULL DEFAULT '[]';
ALTER TABLE refresh_tokens ADD COLUMN resources TEXT NOT NULL DEFAULT '[]';
ALTER TABLE consents ADD COLUMN resources TEXT NOT NULL DEFAULT '[]';
ALTER TABLE device_codes ADD COLUMN resources TEXT NOT NULL DEFAULT '[]';
