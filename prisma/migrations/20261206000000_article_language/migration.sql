-- Each article's language (docs/languages.md): a BCP 47 tag, given to the import for a run's
-- documents (`--language`, then part of the article's content: `language_given`) or found from
-- its text. Null only until the migration runner's data step has found it for the articles
-- stored before (lib/db/article-language-backfill.ts); the next migration makes it required.
ALTER TABLE "articles" ADD COLUMN "language" text;
ALTER TABLE "articles" ADD COLUMN "language_given" boolean NOT NULL DEFAULT false;

-- The import stages both beside the text (lib/importer/write.ts). Emptied before every import.
TRUNCATE import_work.stage;
ALTER TABLE import_work.stage ADD COLUMN language text NOT NULL DEFAULT 'und';
ALTER TABLE import_work.stage ADD COLUMN language_given boolean NOT NULL DEFAULT false;
