-- An article is identified by its whole headline, normalised (document-format.md, "Identity and
-- re-imports"; lib/slug.ts articleIdentity): the import finds stored articles by it, and the slug
-- is only the URL it was given. Unique: two rows are never the same article.
--
-- Nullable for now: the normalisation (ASCII transliteration) is JavaScript's, so the rows stored
-- before this migration get their identity from lib/db/migrate.ts (backfillArticleIdentity), which
-- runs before the next migration, 20261126000100_article_identity_required, makes it NOT NULL.
--
-- An identity is ASCII, at most 4 characters per headline character (300 at most): far below the
-- size a B-tree index entry may take.
ALTER TABLE "articles" ADD COLUMN "identity" TEXT;

CREATE UNIQUE INDEX "articles_identity_key" ON "articles"("identity");
