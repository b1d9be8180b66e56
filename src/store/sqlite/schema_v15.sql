-- auth-center SQLite schema: dynamic client registration (RFC 7591, RFC 7592). Initial access
-- tokens are kept as SHA-256 digests with the registrations they still allow; the sweeper
-- collects expired ones. Each dynamically registered app has one registration record: the
-- digest of its registration access token and the metadata the app row does not hold (JSON);
-- deleting the app deletes it.
CREATE TABLE initial_access_tokens (
    digest     TEXT    NOT NULL PRIMARY KEY,
    max_uses   INTEGER NOT NULL,
    uses_left  INTEGER NOT NULL,
    created_by TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX initial_access_tokens_expires_at ON initial_access_tokens (expires_at);
CREATE TABLE client_registrations (
    client_id    TEXT    NOT NULL PRIMARY KEY
                         REFERENCES clients (client_id) ON DELETE CASCADE,
    token_digest TEXT    NOT NULL,
    metadata     TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
) STRICT;
