-- auth-center SQLite schema, version 9: pushed authorization requests (RFC 9126). A row lives
-- from the PAR endpoint's answer until the authorization endpoint consumes it (one DELETE ...
-- RETURNING) or the sweeper collects it after `expires_at`. Apps may require PAR.
CREATE TABLE pushed_requests (
    digest      TEXT PRIMARY KEY,
    client_id   TEXT NOT NULL,
    params      TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL
);
CREATE INDEX pushed_requests_expires ON pushed_requests (expires_at);
ALTER TABLE clients ADD COLUMN require_par INTEGER NOT NULL DEFAULT 0;
