-- Each section's number of articles, kept by the import: a listing knows its page count
-- without counting its articles on every render.
ALTER TABLE "sections" ADD COLUMN "article_count" INTEGER NOT NULL DEFAULT 0;
UPDATE "sections" s SET "article_count" = (SELECT count(*) FROM "articles" a WHERE a."section_id" = s."id");

-- Related articles look for headline words (ILIKE '%word%'): trigrams find the few
-- headlines that hold a rare word without reading the whole table.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "articles_headline_idx" ON "articles" USING GIN ("headline" gin_trgm_ops);
