-- Search over every word of every article (README, "Search"): a tsvector kept by PostgreSQL
-- itself (a generated column, so no import or backfill has to remember it) and a GIN index.
--
-- Accents do not matter to readers: `vardo` finds Vardø, `zurich` finds Zürich. The `news`
-- configuration is English (stop words, stemming) with words that hold letters outside ASCII
-- passed through unaccent first; ASCII words skip it, so it costs nothing on most text.
-- to_tsvector with a configuration named as a constant is immutable, as a generated column needs.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION news (COPY = english);
ALTER TEXT SEARCH CONFIGURATION news
  ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;

-- Weights rank what a match is in: the headline (A), subheadings (B), the dateline's place and
-- the first paragraph (C), the rest of the body (D). The body is JSON blocks (BodyBlock[]): the
-- JSON path picks the text of each kind of block, and to_tsvector(jsonb) reads each string apart,
-- so that a quoted phrase never matches across two paragraphs.
ALTER TABLE "articles" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('news'::regconfig, "headline"), 'A') ||
  setweight(to_tsvector('news'::regconfig, jsonb_path_query_array("body", '$[*] ? (@.type == "subheading").text')), 'B') ||
  setweight(to_tsvector('news'::regconfig, coalesce("dateline_place", '')), 'C') ||
  setweight(to_tsvector('news'::regconfig, jsonb_path_query_array("body", '$[0] ? (@.type == "paragraph").text')), 'C') ||
  setweight(to_tsvector('news'::regconfig, jsonb_path_query_array("body", '$[1 to last] ? (@.type == "paragraph").text')), 'D')
) STORED;

CREATE INDEX "articles_search_idx" ON "articles" USING GIN ("search");
