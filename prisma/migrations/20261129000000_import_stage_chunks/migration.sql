-- The import moves staged rows into place chunk by chunk while later chunks are still being
-- staged (lib/importer/write.ts): its transaction opens before staging starts and takes each
-- chunk as soon as one of the staging connections has committed it, so that moving rows,
-- keeping revisions and maintaining the indexes overlap with the search vectors' computation
-- instead of following it on one core. Each staged row says which chunk it came in; the index
-- finds one chunk's rows without reading the rest. The table is emptied before every import,
-- so the column needs no default.
TRUNCATE import_work.stage;
ALTER TABLE import_work.stage ADD COLUMN chunk int NOT NULL;
CREATE INDEX stage_chunk_idx ON import_work.stage (chunk);
