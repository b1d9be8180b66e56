-- auth-center SQLite schema, version 7: the deny-list of revoked access tokens. Access tokens
-- are no longer recorded when issued; revoking one (RFC 7009) adds its jti here until the
-- token's own expiry, after which the sweeper deletes the entry.
CREATE TABLE revoked_tokens (
    jti         TEXT PRIMARY KEY,
    expires_at  INTEGER NOT NULL
);
CREATE INDEX revoked_tokens_expires ON revoked_tokens (expires_at);
