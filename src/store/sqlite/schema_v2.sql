-- auth-center SQLite schema, version 2: failed-login counters for throttling, shared by every
-- process using the database. The sweeper deletes counters whose window has ended.

CREATE TABLE login_attempts (
    key          TEXT    NOT NULL PRIMARY KEY,
    count        INTEGER NOT NULL,
    window_start INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL
);
CREATE INDEX login_attempts_expires_at ON login_attempts (expires_at);
