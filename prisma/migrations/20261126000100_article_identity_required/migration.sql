-- Every stored article has its identity by now: lib/db/migrate.ts fills in the rows stored before
-- 20261126000000_article_identity (backfillArticleIdentity) before it applies this migration, and
-- imports write it with every new article. NOT NULL makes that a guarantee: an article without an
-- identity could never be found again by a re-import, and would be duplicated by it.
ALTER TABLE "articles" ALTER COLUMN "identity" SET NOT NULL;
