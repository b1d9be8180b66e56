-- auth-center SQLite schema: active sessions and known devices. Each session gets a public
-- name (random, granting nothing) by which its person lists and ends it, and the client's
-- address at sign-in; sessions from before this version get a random name here. Each person's
-- known devices are the SHA-256 digests of their long-lived device cookies, kept for a year
-- after the last sign-in from them; deleting the account deletes them.
ALTER TABLE sessions ADD COLUMN public_id TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN ip TEXT;
UPDATE sessions SET public_id = lower(hex(randomblob(16))) WHERE public_id = '';
CREATE INDEX sessions_user_public ON sessions (user_id, public_id);
CREATE TABLE known_devices (
    user_id      TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    digest       TEXT    NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    PRIMARY KEY (user_id, digest)
) STRICT;
CREATE INDEX known_devices_expires_at ON known_devices (expires_at);
