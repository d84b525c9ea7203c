-- Search in each article's own language (docs/search.md): its vector is stemmed with its language's
-- text search configuration, accents folded as before, and `simple` (no stemming, no stop words)
-- where PostgreSQL has none for it. Only configurations that both PostgreSQL 15 (a server) and 18
-- (the embedded engine) ship are used (test/search-languages.int.test.ts checks them on both).
--
-- Each `news_<language>` is PostgreSQL's own with words holding letters outside ASCII passed
-- through unaccent before its stemmer, as `news` (English, migration 20261127000000) is.
DO $$
DECLARE
  language text;
BEGIN
  FOREACH language IN ARRAY ARRAY['arabic', 'armenian', 'basque', 'catalan', 'danish', 'dutch', 'finnish',
    'french', 'german', 'greek', 'hindi', 'hungarian', 'indonesian', 'irish', 'italian', 'lithuanian', 'nepali',
    'norwegian', 'portuguese', 'romanian', 'russian', 'serbian', 'spanish', 'swedish', 'tamil', 'turkish', 'yiddish']
  LOOP
    EXECUTE format('CREATE TEXT SEARCH CONFIGURATION %I (COPY = %I)', 'news_' || language, language);
    EXECUTE format('ALTER TEXT SEARCH CONFIGURATION %I ALTER MAPPING FOR hword, hword_part, word WITH unaccent, %I',
                   'news_' || language, language || '_stem');
  END LOOP;
END
$$;
CREATE TEXT SEARCH CONFIGURATION news_simple (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION news_simple ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;

-- BCP 47 tag to configuration, written once: the import's stage, the triggers, search and its
-- highlighting all call it. By the tag's language subtag (`pt-BR` is Portuguese, `sr-Latn`
-- Serbian); `und` (the detector was not sure: a text of a few words) and English are `news`, as
-- every article was before; any other language is `news_simple`.
CREATE FUNCTION search_config(language text) RETURNS regconfig
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN CASE lower(split_part(language, '-', 1))
    WHEN 'en' THEN 'news' WHEN 'und' THEN 'news'
    WHEN 'ar' THEN 'news_arabic' WHEN 'hy' THEN 'news_armenian' WHEN 'eu' THEN 'news_basque'
    WHEN 'ca' THEN 'news_catalan' WHEN 'da' THEN 'news_danish' WHEN 'nl' THEN 'news_dutch'
    WHEN 'fi' THEN 'news_finnish' WHEN 'fr' THEN 'news_french' WHEN 'de' THEN 'news_german'
    WHEN 'el' THEN 'news_greek' WHEN 'hi' THEN 'news_hindi' WHEN 'hu' THEN 'news_hungarian'
    WHEN 'id' THEN 'news_indonesian' WHEN 'ga' THEN 'news_irish' WHEN 'it' THEN 'news_italian'
    WHEN 'lt' THEN 'news_lithuanian' WHEN 'ne' THEN 'news_nepali' WHEN 'no' THEN 'news_norwegian'
    WHEN 'nb' THEN 'news_norwegian' WHEN 'nn' THEN 'news_norwegian' WHEN 'pt' THEN 'news_portuguese'
    WHEN 'ro' THEN 'news_romanian' WHEN 'ru' THEN 'news_russian' WHEN 'sr' THEN 'news_serbian'
    WHEN 'es' THEN 'news_spanish' WHEN 'sv' THEN 'news_swedish' WHEN 'ta' THEN 'news_tamil'
    WHEN 'tr' THEN 'news_turkish' WHEN 'yi' THEN 'news_yiddish'
    ELSE 'news_simple'
  END::regconfig;

-- What an article's vector is, now with its language: the weights as before (headline A,
-- subheadings B, the dateline's place and the first paragraph C, the rest D).
CREATE FUNCTION article_search_vector(headline text, body jsonb, dateline_place text, language text)
  RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN
    setweight(to_tsvector(search_config(language), headline), 'A') ||
    setweight(to_tsvector(search_config(language), jsonb_path_query_array(body, '$[*] ? (@.type == "subheading").text')), 'B') ||
    setweight(to_tsvector(search_config(language), coalesce(dateline_place, '')), 'C') ||
    setweight(to_tsvector(search_config(language), jsonb_path_query_array(body, '$[0] ? (@.type == "paragraph").text')), 'C') ||
    setweight(to_tsvector(search_config(language), jsonb_path_query_array(body, '$[1 to last] ? (@.type == "paragraph").text')), 'D');

-- The stage computes it from the text as the import segmented it: scripts written without spaces
-- (Chinese, Japanese, Thai…) have their words split by Intl.Segmenter (lib/search/segment.ts),
-- which SQL cannot do. Null where the text needed no splitting (nearly every article): the text itself.
TRUNCATE import_work.stage;
ALTER TABLE import_work.stage DROP COLUMN search;
ALTER TABLE import_work.stage ADD COLUMN search_headline text;
ALTER TABLE import_work.stage ADD COLUMN search_body jsonb;
ALTER TABLE import_work.stage ADD COLUMN search_place text;
ALTER TABLE import_work.stage ADD COLUMN search tsvector GENERATED ALWAYS AS (
  article_search_vector(coalesce(search_headline, headline), coalesce(search_body, body),
                        coalesce(search_place, dateline_place), language)) STORED;

-- Other writers' rows: the triggers compute the vector from the text as it is (they cannot split
-- words of scripts written without spaces: such a run of characters is one word to them, found
-- whole; an import of the same article writes it again split). The import always brings the
-- vector it staged, and says so for its transaction (`news.search_given`): one that happens to
-- equal the stored one must not be recomputed unsplit.
CREATE OR REPLACE FUNCTION articles_fill_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search := article_search_vector(NEW.headline, NEW.body, NEW.dateline_place, NEW.language);
  RETURN NEW;
END
$$;
DROP TRIGGER articles_search_on_update ON "articles";
CREATE TRIGGER articles_search_on_update BEFORE UPDATE OF "headline", "body", "dateline_place", "language" ON "articles"
  FOR EACH ROW WHEN (NEW.search IS NOT DISTINCT FROM OLD.search
                     AND current_setting('news.search_given', true) IS DISTINCT FROM 'on')
  EXECUTE FUNCTION articles_fill_search();
DROP FUNCTION article_search_vector(text, jsonb, text);

-- Search reads the site's languages (a few index probes, lib/queries/search.ts) to parse a query
-- with each of their configurations.
CREATE INDEX "articles_language_idx" ON "articles" ("language");

-- Every stored vector rebuilt in the new form (the articles with words to split get them split by
-- the data step before the next migration, lib/db/article-search-rebuild.ts).
UPDATE "articles" SET search = article_search_vector(headline, body, dateline_place, language);
