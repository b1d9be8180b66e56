-- auth-center SQLite schema, version 12: private_key_jwt client authentication (RFC 7523).
-- An app authenticates with a public JWK set given inline (`jwks`, JSON text) or by URL
-- (`jwks_uri`); with either set it has no secret. `assertion_jtis` holds the ids of client
-- assertions seen, each until the assertion expires, so one is accepted once; the sweeper
-- collects expired rows.
ALTER TABLE clients ADD COLUMN jwks TEXT;
ALTER TABLE clients ADD COLUMN jwks_uri TEXT;
CREATE TABLE assertion_jtis (
    key        TEXT    NOT NULL PRIMARY KEY,
    expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX assertion_jtis_expires_at ON assertion_jtis (expires_at);
