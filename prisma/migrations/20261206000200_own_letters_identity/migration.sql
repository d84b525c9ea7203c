-- Articles are identified by their headline's own letters, in any script, no longer by its ASCII
-- transliteration (document-format.md, "Identity and re-imports"; lib/slug.ts articleIdentity).
--
-- The new identities are JavaScript's (NFKC, Unicode case folding, letters of every script:
-- PostgreSQL's lower() and letter classes follow the database's locale), so lib/db/migrate.ts
-- computes them first (stageOwnLettersIdentity) into article_identity_next; this migration swaps
-- them in, every article at once, and drops that table. Addresses (slugs) are not touched.
DO $$
BEGIN
  IF to_regclass('article_identity_next') IS NULL
     OR EXISTS (SELECT 1 FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_identity_next n WHERE n.id = a.id)) THEN
    RAISE EXCEPTION 'stored articles have no own-letters identity yet: apply this migration with npm run db:migrate';
  END IF;
END $$;

-- Dropped while the identities change, so that no row meets another's old identity on the way.
DROP INDEX "articles_identity_date_key_key";
UPDATE "articles" a SET "identity" = n."identity"
  FROM "article_identity_next" n
 WHERE n."id" = a."id" AND a."identity" IS DISTINCT FROM n."identity";
CREATE UNIQUE INDEX "articles_identity_date_key_key" ON "articles"("identity", "date_key");
DROP TABLE "article_identity_next";

-- A staged import's rows carry identities of the old rule; an import starts by emptying it anyway.
TRUNCATE "import_work"."stage";

-- A legal removal keeps only the hash of the identity it removed, which cannot be recomputed: the
-- removals made before now hashed the old rule's identity, and say so. An import checks each
-- removal against the identity of the rule it was made under (lib/importer/withdrawn.ts).
ALTER TABLE "legal_removals" ADD COLUMN "ascii_identity" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "legal_removals" ALTER COLUMN "ascii_identity" SET DEFAULT false;
