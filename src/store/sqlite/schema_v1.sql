-- auth-center SQLite schema, version 1 (PRAGMA user_version = 1).
--
-- Timestamps are INTEGER unix milliseconds. Lists (scopes, redirect URIs, secrets...) are JSON
-- text, except group members: a child table, so "groups of a user" is an indexed look-up.
-- Only group_members carries a FOREIGN KEY: every other reference (user_id, client_id,
-- grant_id...) is deliberately unchecked, as in the MongoDB adapter, so both backends accept the
-- same writes and account or app deletion stays the service's explicit, ordered job.

CREATE TABLE users (
    id               TEXT    NOT NULL PRIMARY KEY,
    username         TEXT    NOT NULL,
    username_key     TEXT    NOT NULL UNIQUE,
    email            TEXT    NOT NULL,
    email_key        TEXT    NOT NULL UNIQUE,
    email_verified   INTEGER NOT NULL,
    display_name     TEXT,
    -- display_name lower-cased in Rust (Unicode-aware, unlike SQLite's lower()) for search.
    display_name_key TEXT,
    password_hash    TEXT    NOT NULL,
    is_admin         INTEGER NOT NULL,
    disabled         INTEGER NOT NULL,
    locale           TEXT,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
) STRICT;

-- "groups" is an SQL keyword (window frames), hence the prefix.
CREATE TABLE user_groups (
    id          TEXT    NOT NULL PRIMARY KEY,
    name        TEXT    NOT NULL,
    name_key    TEXT    NOT NULL UNIQUE,
    description TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
) STRICT;

-- rowid order is insertion order, which is the order of Group::members.
CREATE TABLE group_members (
    group_id TEXT NOT NULL REFERENCES user_groups (id) ON DELETE CASCADE,
    user_id  TEXT NOT NULL,
    UNIQUE (group_id, user_id)
) STRICT;
CREATE INDEX group_members_user_id ON group_members (user_id);

CREATE TABLE clients (
    client_id                 TEXT    NOT NULL PRIMARY KEY,
    owner_id                  TEXT    NOT NULL,
    name                      TEXT    NOT NULL,
    description               TEXT    NOT NULL,
    homepage_url              TEXT,
    logo_url                  TEXT,
    redirect_uris             TEXT    NOT NULL,
    post_logout_redirect_uris TEXT    NOT NULL,
    client_type               TEXT    NOT NULL,
    secrets                   TEXT    NOT NULL,
    grant_types               TEXT    NOT NULL,
    scopes                    TEXT    NOT NULL,
    access_token_ttl_secs     INTEGER,
    refresh_token_ttl_secs    INTEGER,
    first_party               INTEGER NOT NULL,
    created_at                INTEGER NOT NULL,
    updated_at                INTEGER NOT NULL
) STRICT;
CREATE INDEX clients_owner_id ON clients (owner_id, created_at, client_id);

CREATE TABLE codes (
    digest         TEXT    NOT NULL PRIMARY KEY,
    grant_id       TEXT    NOT NULL,
    client_id      TEXT    NOT NULL,
    user_id        TEXT    NOT NULL,
    redirect_uri   TEXT    NOT NULL,
    scopes         TEXT    NOT NULL,
    code_challenge TEXT,
    nonce          TEXT,
    auth_time      INTEGER NOT NULL,
    session_id     TEXT,
    created_at     INTEGER NOT NULL,
    expires_at     INTEGER NOT NULL,
    used           INTEGER NOT NULL
) STRICT;
CREATE INDEX codes_expires_at ON codes (expires_at);
CREATE INDEX codes_grant_id ON codes (grant_id);

CREATE TABLE grants (
    id           TEXT    NOT NULL PRIMARY KEY,
    user_id      TEXT,
    client_id    TEXT    NOT NULL,
    scopes       TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    revoked_at   INTEGER
) STRICT;
CREATE INDEX grants_user_id ON grants (user_id, created_at);
CREATE INDEX grants_client_id ON grants (client_id);
CREATE INDEX grants_expires_at ON grants (expires_at);
CREATE INDEX grants_revoked_at ON grants (revoked_at) WHERE revoked_at IS NOT NULL;

CREATE TABLE refresh_tokens (
    digest     TEXT    NOT NULL PRIMARY KEY,
    grant_id   TEXT    NOT NULL,
    client_id  TEXT    NOT NULL,
    user_id    TEXT,
    scopes     TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used       INTEGER NOT NULL,
    revoked    INTEGER NOT NULL
) STRICT;
CREATE INDEX refresh_tokens_grant_id ON refresh_tokens (grant_id);
CREATE INDEX refresh_tokens_client_id ON refresh_tokens (client_id);
CREATE INDEX refresh_tokens_user_id ON refresh_tokens (user_id);
CREATE INDEX refresh_tokens_expires_at ON refresh_tokens (expires_at);

CREATE TABLE access_tokens (
    jti        TEXT    NOT NULL PRIMARY KEY,
    grant_id   TEXT,
    client_id  TEXT    NOT NULL,
    user_id    TEXT,
    scopes     TEXT    NOT NULL,
    issued_at  INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    revoked    INTEGER NOT NULL
) STRICT;
CREATE INDEX access_tokens_grant_id ON access_tokens (grant_id);
CREATE INDEX access_tokens_client_id ON access_tokens (client_id);
CREATE INDEX access_tokens_user_id ON access_tokens (user_id);
CREATE INDEX access_tokens_expires_at ON access_tokens (expires_at);

CREATE TABLE consents (
    user_id    TEXT    NOT NULL,
    client_id  TEXT    NOT NULL,
    scopes     TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, client_id)
) STRICT;
CREATE INDEX consents_client_id ON consents (client_id);

CREATE TABLE sessions (
    id                  TEXT    NOT NULL PRIMARY KEY,
    user_id             TEXT    NOT NULL,
    auth_time           INTEGER NOT NULL,
    created_at          INTEGER NOT NULL,
    last_seen_at        INTEGER NOT NULL,
    expires_at          INTEGER NOT NULL,
    absolute_expires_at INTEGER NOT NULL,
    user_agent          TEXT
) STRICT;
CREATE INDEX sessions_user_id ON sessions (user_id);
CREATE INDEX sessions_expires_at ON sessions (expires_at);

CREATE TABLE email_tokens (
    digest     TEXT    NOT NULL PRIMARY KEY,
    user_id    TEXT    NOT NULL,
    purpose    TEXT    NOT NULL,
    email      TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX email_tokens_user_id ON email_tokens (user_id, purpose);
CREATE INDEX email_tokens_expires_at ON email_tokens (expires_at);

CREATE TABLE signing_keys (
    kid         TEXT    NOT NULL PRIMARY KEY,
    alg         TEXT    NOT NULL,
    private_key TEXT    NOT NULL,
    public_jwk  TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    retire_at   INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX signing_keys_expires_at ON signing_keys (expires_at);
