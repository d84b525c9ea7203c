-- The newsroom lines (docs/document-format.md, "Newsroom lines"): an article's date, its authors,
-- its tags and its notes; the site's time zone; sections moved off the addresses that author and
-- tag pages now own.

-- A dated article is identified by its headline and the calendar day of its date in the site's
-- time zone (`YYYY-MM-DD`); an undated one by its headline alone (`date_key` ''). So the headline's
-- identity is no longer unique on its own: a recurring headline on another day is another article.
ALTER TABLE "articles" ADD COLUMN "date_key" TEXT NOT NULL DEFAULT '';
DROP INDEX "articles_identity_key";
CREATE UNIQUE INDEX "articles_identity_date_key_key" ON "articles"("identity", "date_key");
-- Whether the document gave the article its date (a date line), or the import made it up from its
-- position ("Order and dates"). A re-import without the date line keeps a given date.
ALTER TABLE "articles" ADD COLUMN "dated" BOOLEAN NOT NULL DEFAULT false;
-- When the article became public, or becomes public (a scheduled article: its date was later
-- than the import that stored it). Readers see an article once this has come (lib/queries/
-- visibility.ts); an article already public stays public when a re-import gives it a later date
-- (the format: "a later date on a re-import changes its date, not its visibility"), so this is
-- not its publication time. Every article stored before this migration was public.
ALTER TABLE "articles" ADD COLUMN "public_at" TIMESTAMPTZ(3);
UPDATE "articles" SET "public_at" = LEAST("published_at", "first_imported_at");
ALTER TABLE "articles" ALTER COLUMN "public_at" SET NOT NULL;
ALTER TABLE "articles" ALTER COLUMN "public_at" SET DEFAULT CURRENT_TIMESTAMP;
-- The next release is the smallest public_at still to come: one index probe.
CREATE INDEX "articles_public_at_idx" ON "articles"("public_at");
-- Note[] (lib/documents/types.ts): correction and editor's notes, each dated by the import that
-- first carried its text, shown at the top of every copy of the article.
ALTER TABLE "articles" ADD COLUMN "notes" JSONB NOT NULL DEFAULT '[]';

-- The version an import replaced keeps its date, byline, tags and notes too (a change of any of
-- them is a change of the article). Rows kept before this migration had none of them.
ALTER TABLE "article_revisions" ADD COLUMN "published_at" TIMESTAMPTZ(3);
ALTER TABLE "article_revisions" ADD COLUMN "authors" TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE "article_revisions" ADD COLUMN "tags" TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE "article_revisions" ADD COLUMN "notes" JSONB NOT NULL DEFAULT '[]';

-- An author: one per identity of a name (two spellings the identity rule reads as one are one
-- author; the first spelling seen is shown). `slug` is the address (/authors/<slug>), never
-- changed once given.
CREATE TABLE "authors" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "identity" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "authors_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "authors_slug_key" ON "authors"("slug");
CREATE UNIQUE INDEX "authors_identity_key" ON "authors"("identity");

-- Who wrote an article, in byline order. `published_at` is the article's, kept by the import, so
-- that an author's listing is one index range, newest first, as a section's is.
CREATE TABLE "article_authors" (
    "article_id" INTEGER NOT NULL,
    "author_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "article_authors_pkey" PRIMARY KEY ("article_id","author_id")
);
CREATE INDEX "article_authors_author_id_published_at_article_id_idx" ON "article_authors"("author_id", "published_at" DESC, "article_id" DESC);
ALTER TABLE "article_authors" ADD CONSTRAINT "article_authors_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "article_authors" ADD CONSTRAINT "article_authors_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "authors"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A tag, as an author: one per identity, first spelling shown, address /tags/<slug>.
CREATE TABLE "tags" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "identity" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "tags_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "tags_slug_key" ON "tags"("slug");
CREATE UNIQUE INDEX "tags_identity_key" ON "tags"("identity");

CREATE TABLE "article_tags" (
    "article_id" INTEGER NOT NULL,
    "tag_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "article_tags_pkey" PRIMARY KEY ("article_id","tag_id")
);
CREATE INDEX "article_tags_tag_id_published_at_article_id_idx" ON "article_tags"("tag_id", "published_at" DESC, "article_id" DESC);
ALTER TABLE "article_tags" ADD CONSTRAINT "article_tags_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "article_tags" ADD CONSTRAINT "article_tags_tag_id_fkey" FOREIGN KEY ("tag_id") REFERENCES "tags"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The site's settings that the data depends on: `time_zone`, the IANA name dates without an
-- offset were read in (an import with another is refused: lib/time-zone.ts).
CREATE TABLE "site_settings" (
    "name" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    CONSTRAINT "site_settings_pkey" PRIMARY KEY ("name")
);

-- A section's old addresses, answering 308 to its new ones: a section whose slug a route of the
-- site came to need (`authors`, `tags`) moves to `<slug>-section` (or `-section-2`, …).
CREATE TABLE "section_redirects" (
    "old_slug" TEXT NOT NULL,
    "section_id" INTEGER NOT NULL,
    CONSTRAINT "section_redirects_pkey" PRIMARY KEY ("old_slug")
);
ALTER TABLE "section_redirects" ADD CONSTRAINT "section_redirects_section_id_fkey" FOREIGN KEY ("section_id") REFERENCES "sections"("id") ON DELETE CASCADE ON UPDATE CASCADE;

DO $$
DECLARE
  moved RECORD;
  candidate TEXT;
  n INT;
BEGIN
  FOR moved IN SELECT id, slug FROM sections WHERE slug IN ('authors', 'tags') LOOP
    candidate := moved.slug || '-section';
    n := 1;
    WHILE EXISTS (SELECT 1 FROM sections WHERE slug = candidate) LOOP
      n := n + 1;
      candidate := moved.slug || '-section-' || n;
    END LOOP;
    INSERT INTO section_redirects (old_slug, section_id) VALUES (moved.slug, moved.id);
    UPDATE sections SET slug = candidate WHERE id = moved.id;
  END LOOP;
END $$;
