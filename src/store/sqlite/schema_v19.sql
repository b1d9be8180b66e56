-- auth-center SQLite schema: apps whose access tokens must be DPoP-bound (RFC 9449 §5.2
-- `dpop_bound_access_tokens`), and apps held to the FAPI 2.0 Security Profile.
ALTER TABLE clients ADD COLUMN dpop_bound_access_tokens INTEGER NOT NULL DEFAULT 0;
ALTER TABLE clients ADD COLUMN fapi2 INTEGER NOT NULL DEFAULT 0;
