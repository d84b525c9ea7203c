-- Corrections in the open (docs/corrections.md).

-- The /corrections page lists every correction and clarification note of a public article. Few
-- articles have notes: this index holds only those, so the page reads them, not every article.
-- (Partial: schema.prisma declares its columns, which is what test/schema.int.test.ts compares.)
CREATE INDEX "articles_with_notes_idx" ON "articles"("public_at", "id") WHERE "notes" <> '[]'::jsonb;

-- `/corrections` is the site's now: a section that held the slug moves to `corrections-section`
-- (or `-section-2`, …), and its old addresses answer 308 there, as `authors` and `tags` did
-- (20261203000000_newsroom_lines).
DO $$
DECLARE
  moved RECORD;
  candidate TEXT;
  n INT;
BEGIN
  FOR moved IN SELECT id, slug FROM sections WHERE slug = 'corrections' LOOP
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
