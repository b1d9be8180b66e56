-- Apps an administrator marked as resource servers may introspect other apps' tokens
-- (RFC 7662 §4); every existing app may not.
ALTER TABLE clients ADD COLUMN introspection INTEGER NOT NULL DEFAULT 0;
