-- auth-center SQLite schema: apps that require a sign-in with a second factor for every
-- authorization request (OIDC acr `urn:auth-center:acr:mfa`).
ALTER TABLE clients ADD COLUMN require_mfa INTEGER NOT NULL DEFAULT 0;
