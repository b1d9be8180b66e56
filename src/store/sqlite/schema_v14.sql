-- auth-center SQLite schema: DPoP (RFC 9449). A refresh token of a public client is bound to
-- the thumbprint of the DPoP key it was issued to (§5), and an authorization code to the
-- `dpop_jkt` of its authorization request (§10); NULL: not bound.
ALTER TABLE refresh_tokens ADD COLUMN dpop_jkt TEXT;
ALTER TABLE codes ADD COLUMN dpop_jkt TEXT;
