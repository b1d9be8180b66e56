-- auth-center SQLite schema, version 3: device authorization requests (RFC 8628). Both codes
-- are stored as SHA-256 digests; the user code is unique. The sweeper deletes rows once they
-- have been expired for the purge grace, like the other codes.

CREATE TABLE device_codes (
    digest           TEXT    NOT NULL PRIMARY KEY,
    user_code_digest TEXT    NOT NULL UNIQUE,
    client_id        TEXT    NOT NULL,
    scopes           TEXT    NOT NULL,
    created_at       INTEGER NOT NULL,
    expires_at       INTEGER NOT NULL,
    interval_secs    INTEGER NOT NULL,
    last_polled_at   INTEGER,
    status           TEXT    NOT NULL,
    user_id          TEXT,
    granted_scopes   TEXT,
    auth_time        INTEGER,
    session_id       TEXT
);
CREATE INDEX device_codes_expires_at ON device_codes (expires_at);
