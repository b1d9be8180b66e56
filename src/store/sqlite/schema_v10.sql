-- auth-center SQLite schema, version 10: two-step verification. One row per person with a
-- second factor: the sealed TOTP secret, when it was confirmed (NULL while enrolling) and the
-- step of the last accepted code (replays of it or of earlier steps are refused). Recovery
-- codes are digests, one row each, so using one is a single-row DELETE. Deleting the account
-- deletes both.
CREATE TABLE second_factors (
    user_id      TEXT    NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    secret       TEXT    NOT NULL,
    confirmed_at INTEGER,
    last_step    INTEGER NOT NULL DEFAULT 0,
    created_at   INTEGER NOT NULL
) STRICT;
CREATE TABLE recovery_codes (
    user_id TEXT NOT NULL REFERENCES second_factors (user_id) ON DELETE CASCADE,
    digest  TEXT NOT NULL,
    PRIMARY KEY (user_id, digest)
) STRICT;
-- How each session was signed in (RFC 8176 `amr` values, space-separated); sessions from
-- before this version were password sign-ins.
ALTER TABLE sessions ADD COLUMN amr TEXT NOT NULL DEFAULT 'pwd';
