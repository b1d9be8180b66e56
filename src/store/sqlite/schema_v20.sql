-- auth-center SQLite schema: initial access tokens get an id that names them in the
-- administrators' listing and revocation (random, unrelated to the token; tokens minted before
-- get one here) and an optional label.
ALTER TABLE initial_access_tokens ADD COLUMN id TEXT NOT NULL DEFAULT '';
ALTER TABLE initial_access_tokens ADD COLUMN label TEXT;
UPDATE initial_access_tokens SET id = lower(hex(randomblob(16))) WHERE id = '';
CREATE UNIQUE INDEX initial_access_tokens_id ON initial_access_tokens (id);
CREATE INDEX initial_access_tokens_created_at ON initial_access_tokens (created_at, id);
