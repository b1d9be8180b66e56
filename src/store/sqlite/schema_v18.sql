-- auth-center SQLite schema: passkeys (WebAuthn credentials), one row per credential, keyed by
-- its id (base64url). The counter is the last accepted signature counter; deleting the account
-- deletes its passkeys.
CREATE TABLE passkeys (
    credential_id   TEXT    NOT NULL PRIMARY KEY,
    user_id         TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    public_key      TEXT    NOT NULL,
    counter         INTEGER NOT NULL,
    name            TEXT    NOT NULL,
    backup_eligible INTEGER NOT NULL,
    created_at      INTEGER NOT NULL,
    last_used_at    INTEGER
) STRICT;
CREATE INDEX passkeys_user ON passkeys (user_id, created_at);
