-- Related articles now find shared headline words through the search index (articles.search,
-- 20261127000000_article_search) instead of ILIKE '%word%' over headlines: nothing reads the
-- trigram index any more, and every import paid to keep it (about 2.5 s per 100,000 articles).
-- The pg_trgm extension stays: dropping it would take with it anything else built on it.
DROP INDEX IF EXISTS "articles_headline_idx";
