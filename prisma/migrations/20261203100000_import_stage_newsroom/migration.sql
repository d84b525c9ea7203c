-- The import stages what the newsroom lines give an article (lib/importer/write.ts) beside its
-- text: the stored article an update replaces (a headline's identity is no longer unique on its
-- own: a dated article's day is part of it), its day, whether a date line gave it, when it becomes
-- public, its notes, and its authors' and tags' identities in order (the rows linking it to them
-- are written when `relink` says they changed). The table is emptied before every import.
TRUNCATE import_work.stage;
ALTER TABLE import_work.stage ADD COLUMN article_id int;
ALTER TABLE import_work.stage ADD COLUMN date_key text NOT NULL DEFAULT '';
ALTER TABLE import_work.stage ADD COLUMN dated boolean NOT NULL DEFAULT false;
ALTER TABLE import_work.stage ADD COLUMN public_at timestamptz;
ALTER TABLE import_work.stage ADD COLUMN notes jsonb NOT NULL DEFAULT '[]';
ALTER TABLE import_work.stage ADD COLUMN author_identities text[] NOT NULL DEFAULT '{}';
ALTER TABLE import_work.stage ADD COLUMN tag_identities text[] NOT NULL DEFAULT '{}';
ALTER TABLE import_work.stage ADD COLUMN relink boolean NOT NULL DEFAULT false;
