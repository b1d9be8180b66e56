-- auth-center SQLite schema, version 6: the mail outbox. A message stays here from the request
-- that wrote it until it is delivered (then deleted) or its links expire (then swept).
-- `due_at` is when it may next be claimed: the retry time while queued, the lease end while a
-- sender holds it (`claim`).
CREATE TABLE outbox (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,
    user_id     TEXT NOT NULL,
    recipient   TEXT NOT NULL,
    subject     TEXT NOT NULL,
    text_body   TEXT NOT NULL,
    html_body   TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    due_at      INTEGER NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    claim       TEXT
);
CREATE INDEX outbox_due ON outbox (due_at);
CREATE INDEX outbox_expires ON outbox (expires_at);
