-- The search vector is computed where the import stages its rows, by two connections at once,
-- instead of by the one statement that moves the rows into place (README, "Search"). Parsing an
-- article's text into words costs PostgreSQL about 0.1 ms; as a generated column of `articles`
-- it was all done by the import's single transaction, on one core, and more than doubled the
-- time a 100,000-article import took.
--
-- What an article's vector is, written once: the import's staging table computes it as each row
-- is copied in, and `articles` computes it for any row written without one (the triggers below),
-- so a writer other than the import cannot leave an article unsearchable or stale.
CREATE FUNCTION article_search_vector(headline text, body jsonb, dateline_place text)
  RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN
    setweight(to_tsvector('news'::regconfig, headline), 'A') ||
    setweight(to_tsvector('news'::regconfig, jsonb_path_query_array(body, '$[*] ? (@.type == "subheading").text')), 'B') ||
    setweight(to_tsvector('news'::regconfig, coalesce(dateline_place, '')), 'C') ||
    setweight(to_tsvector('news'::regconfig, jsonb_path_query_array(body, '$[0] ? (@.type == "paragraph").text')), 'C') ||
    setweight(to_tsvector('news'::regconfig, jsonb_path_query_array(body, '$[1 to last] ? (@.type == "paragraph").text')), 'D');

-- The stored vectors stay as they are (the same expression made them).
ALTER TABLE "articles" ALTER COLUMN "search" DROP EXPRESSION;

CREATE FUNCTION articles_fill_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search := article_search_vector(NEW.headline, NEW.body, NEW.dateline_place);
  RETURN NEW;
END
$$;
-- WHEN is checked without calling the function: rows that come with their vector cost nothing.
CREATE TRIGGER articles_search_on_insert BEFORE INSERT ON "articles"
  FOR EACH ROW WHEN (NEW.search IS NULL) EXECUTE FUNCTION articles_fill_search();
-- A text change that does not bring a new vector gets one computed (one that does not change the
-- words computes the same vector again, which is harmless).
CREATE TRIGGER articles_search_on_update BEFORE UPDATE OF "headline", "body", "dateline_place" ON "articles"
  FOR EACH ROW WHEN (NEW.search IS NOT DISTINCT FROM OLD.search) EXECUTE FUNCTION articles_fill_search();

-- Where an import stages a document's new and changed articles before one short transaction moves
-- them into place. Shared by the import's connections (a temporary table is one session's own),
-- used by one import at a time (they hold an advisory lock), emptied before and after each use,
-- and unlogged: it is scratch space, never worth writing twice, and a crash empties it. In a schema
-- of its own, so that it is not mistaken for part of the site's data model (schema.prisma).
CREATE SCHEMA import_work;
CREATE UNLOGGED TABLE import_work.stage (
  identity text NOT NULL,
  slug text NOT NULL,
  headline text NOT NULL,
  section_slug text NOT NULL,
  section_name text NOT NULL,
  body jsonb NOT NULL,
  dateline_place text,
  dateline_date text,
  dateline_source text,
  word_count int NOT NULL,
  published_at timestamptz NOT NULL,
  content_hash text NOT NULL,
  is_new boolean NOT NULL,
  search tsvector GENERATED ALWAYS AS (article_search_vector(headline, body, dateline_place)) STORED
);
