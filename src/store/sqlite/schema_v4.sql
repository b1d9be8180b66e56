-- auth-center SQLite schema, version 4: the time the user authenticated for a grant, so that
-- an id_token issued on refresh repeats the original `auth_time` (OIDC Core 12.2). Nullable:
-- grants without a user, and those stored before this version, have none.

ALTER TABLE grants ADD COLUMN auth_time INTEGER;
