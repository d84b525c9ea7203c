-- Citable versions and their published hash chain (docs/versions.md).

-- A version's salt: 32 random bytes as 64 hex digits, published beside the version's hash so
-- that anyone holding its Markdown copy can check it, and erased with the text by a legal
-- removal, after which the hash can no longer confirm a guess of the text. Made of two
-- gen_random_uuid() (core since PostgreSQL 13, no pgcrypto needed): each is 122 bits from
-- pg_strong_random (the operating system's cryptographic source, or OpenSSL's), so 244 random
-- bits in all; random() and md5(random()) are not: random() is a seeded PRNG whose next values
-- follow from the ones before. The 4 fixed bits of each UUID (its version and variant) stay in
-- the hex: they lower nothing but the count of random bits.
CREATE FUNCTION "new_version_salt"() RETURNS TEXT LANGUAGE SQL VOLATILE AS $$
  SELECT replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '')
$$;

-- The current version's salt: made when the article is first stored, made again by each import
-- that changes it (lib/importer/write.ts), and copied with the version into article_revisions.
-- Every article stored before gets a salt of its own (the default is evaluated per row).
ALTER TABLE "articles" ADD COLUMN "version_salt" TEXT NOT NULL DEFAULT new_version_salt();

-- Each stored version keeps the salt it had as the current one; versions stored before this
-- migration get a random one each here. No default after: an insert must copy the article's.
ALTER TABLE "article_revisions" ADD COLUMN "salt" TEXT NOT NULL DEFAULT new_version_salt();
ALTER TABLE "article_revisions" ALTER COLUMN "salt" DROP DEFAULT;

-- What a legal removal keeps of the article's chain: each version's time, seal and hash (no
-- salt, no text, no address) and the removal's own entry, so that the chain still verifies as
-- a chain at the article's (451) versions.json.
ALTER TABLE "legal_removals" ADD COLUMN "chain" JSONB;
