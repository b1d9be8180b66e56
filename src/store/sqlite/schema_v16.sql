-- auth-center SQLite schema: the audit log. One row per security-relevant event (sign-ins,
-- account and app changes, revocations, administration), never a secret. `details` is a small
-- JSON object of text values. Rows are kept until `expires_at` (the retention period); the
-- sweeper deletes them after that. Listings are newest first by (time, id), by subject, app
-- or type.
CREATE TABLE audit_events (
    id         TEXT    NOT NULL PRIMARY KEY,
    time       INTEGER NOT NULL,
    type       TEXT    NOT NULL,
    reason     TEXT,
    actor      TEXT    NOT NULL,
    subject    TEXT,
    app        TEXT,
    ip         TEXT,
    user_agent TEXT,
    request_id TEXT,
    details    TEXT    NOT NULL,
    expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX audit_events_time ON audit_events (time DESC, id DESC);
CREATE INDEX audit_events_subject ON audit_events (subject, time DESC, id DESC);
CREATE INDEX audit_events_app ON audit_events (app, time DESC, id DESC);
CREATE INDEX audit_events_type ON audit_events (type, time DESC, id DESC);
CREATE INDEX audit_events_expires_at ON audit_events (expires_at);
