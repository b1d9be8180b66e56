-- auth-center SQLite schema, version 8: resource servers (RFC 8707), the APIs that accept our
-- access tokens. `identifier` is the URI a `resource` parameter and a token's `aud` carry;
-- `scopes` is a JSON array of {name, description, description_zh}.
CREATE TABLE resource_servers (
    id                    TEXT PRIMARY KEY,
    identifier            TEXT NOT NULL UNIQUE,
    name                  TEXT NOT NULL,
    scopes                TEXT NOT NULL,
    access_token_ttl_secs INTEGER,
    introspection         INTEGER NOT NULL,
    created_at            INTEGER NOT NULL,
    updated_at            INTEGER NOT NULL
);
