import type { PrismaClient } from '@/lib/db/client';
import {
  FRAGMENT_BREAK,
  MARK_END,
  SEGMENT_BREAK,
  MARK_START,
  TRANSLATE_FROM,
  TRANSLATE_TO,
  parseHighlighted,
  parseSnippet,
} from '@/lib/search/highlight';
import {
  SEARCH_PAGE_SIZE,
  SEARCH_RESULT_CAP,
  parseSearchTerms,
  relaxedSearchQuery,
  searchTsquery,
  termTexts,
} from '@/lib/search/query';
import { SPACELESS_BLOCKS, segmentQuery, segmentWords } from '@/lib/search/segment';
import { Prisma } from '@/lib/generated/prisma/client';
import { authorsOf } from './loaders';
import type { NameRef, SearchHit, SearchResults } from './types';
import { published } from './visibility';

/**
 * Search, uncached (pages use getSearchResults in ./index.ts). One statement finds, ranks and
 * highlights a page of results over the generated `articles.search` tsvector and its GIN index
 * (migration 20261127000000_article_search):
 *
 * 1. Matches: the query is read as web search reads it ("quoted phrase", `or`, `-word`), each
 *    term in every configuration of the languages the site holds, OR-ed term by term
 *    (searchTsqueries; docs/search.md, "Languages"); accents fold (each configuration runs words
 *    through unaccent).
 *    A query the index cannot answer (only stop words, or only words to leave out, whose
 *    answer is nearly every article) searches nothing: querytree() says which.
 *    The candidates are the newest SEARCH_RESULT_CAP + 1 articles that hold the query's words,
 *    its phrases read as their words ANDed (relaxedSearchQuery, lib/search/query.ts): the GIN
 *    index answers that by itself, without reading any article. For a rare word the index hands
 *    over its few rows, for a word in every article the newest-first index is read until enough
 *    are found. Only then is the query itself, phrases included, checked on those candidates.
 *    A phrase needs each article's positions (its vector, read from the table), so checked on
 *    the whole archive a phrase of common words that matches nothing read every article holding
 *    them, twice with its count. Checked on the candidates, it costs at most SEARCH_RESULT_CAP + 1
 *    vectors. The trade-off: a phrase is looked for only among the newest 1,001 articles that
 *    hold all its words; one that only older articles hold is not found.
 * 2. Rank: cover density (ts_rank_cd) with weights headline 1, subheadings 0.4, first
 *    paragraph 0.2, the rest 0.1, scaled into 0–1; plus 2 when the headline alone matches
 *    the whole query, so that such articles come first; times a freshness factor from 1
 *    (today) down towards 0.7 (years old): newer articles win close calls, never clear ones.
 * 3. Highlight: ts_headline, in the article's configuration, marks matches in the headline and picks up to two passages of
 *    the first SNIPPET_SOURCE_CHARS characters of the body (so that it costs the same for an
 *    article of 200,000 characters as for one of 2,000; a match further in is found and ranked,
 *    but its passage shows the article's first lines), with private-use characters as markers
 *    (removed from the text beforehand, and `<` hidden from its tag parser), which
 *    lib/search/highlight.ts turns into text segments. Passages are chosen around any
 *    of the query's words (its `&` read as `|`; words left out with `-` are not marked): an
 *    article whose words are paragraphs apart would otherwise show its first lines unmarked.
 */
const CANDIDATES = SEARCH_RESULT_CAP + 1;
/** The part of an article's body its passages are taken from: all of nearly every article. */
export const SNIPPET_SOURCE_CHARS = 10_000;
const SNIPPET_OPTIONS = [
  `StartSel="${MARK_START}"`,
  `StopSel="${MARK_END}"`,
  `FragmentDelimiter="${FRAGMENT_BREAK}"`,
  'MaxFragments=2',
  'MaxWords=24',
  'MinWords=10',
  'ShortWord=2',
].join(', ');
const HEADLINE_OPTIONS = [`StartSel="${MARK_START}"`, `StopSel="${MARK_END}"`, 'HighlightAll=true'].join(', ');

/**
 * ts_headline's marks: the headline whole, and up to two passages of the body's first characters
 * chosen around any of the query's words (its `&` read as `|`), in the article's configuration.
 */
const highlights = (config: Prisma.Sql, headline: Prisma.Sql, source: Prisma.Sql, query: string) => Prisma.sql`
  ts_headline(${config}, translate(${headline}, ${TRANSLATE_FROM}, ${TRANSLATE_TO}), ${query}::tsquery,
              ${HEADLINE_OPTIONS}) AS headline_marked,
  ts_headline(${config}, translate(${source}, ${TRANSLATE_FROM}, ${TRANSLATE_TO}),
              replace(querytree(${query}::tsquery)::text, ' & ', ' | ')::tsquery,
              ${SNIPPET_OPTIONS}) AS snippet`;

/**
 * The hits whose headline or passages' source hold a script written without spaces are marked
 * again from that text split into words as the index split it (ts_headline cannot split them:
 * to it a run of ideographs is one word, which the query's words never match), with
 * SEGMENT_BREAK between the words, which the parser reads as a space and the page never shows.
 * One more statement, only for a page that has such hits.
 */
async function highlightSpaceless(prisma: PrismaClient, rows: HitRow[], query: string): Promise<HitRow[]> {
  const spaceless = rows.filter((row) => row.spaceless_source !== null);
  if (spaceless.length === 0) return rows;
  const marked = await prisma.$queryRaw<Array<{ n: number; headline_marked: string; snippet: string | null }>>`
    SELECT v.n::int AS n, ${highlights(Prisma.sql`search_config(v.language)`, Prisma.sql`v.headline`, Prisma.sql`v.source`, query)}
      FROM unnest(${spaceless.map((row) => segmentWords(row.headline, SEGMENT_BREAK))}::text[],
                  ${spaceless.map((row) => segmentWords(row.spaceless_source ?? '', SEGMENT_BREAK))}::text[],
                  ${spaceless.map((row) => row.language)}::text[]) WITH ORDINALITY AS v(headline, source, language, n)`;
  const byRow = new Map(marked.map((row) => [spaceless[row.n - 1], row]));
  return rows.map((row) => {
    const again = byRow.get(row);
    return again ? { ...row, headline_marked: again.headline_marked, snippet: again.snippet } : row;
  });
}

interface HitRow {
  spaceless_source: string | null;
  language: string;
  slug: string;
  headline: string;
  headline_marked: string;
  snippet: string | null;
  section_slug: string;
  section_name: string;
  authors: NameRef[];
  published_at: Date;
  total: number;
}

/**
 * Each term's readings in every configuration of the languages the site holds (search_config of
 * each stored article's language, found by a few probes of its index; English always, the
 * configuration of `und`), in one order: what searchTsquery builds the query from.
 */
async function readTerms(prisma: PrismaClient, texts: string[]): Promise<Map<string, string[]>> {
  if (texts.length === 0) return new Map();
  const rows = await prisma.$queryRaw<Array<{ text: string; readings: string[] }>>`
    WITH RECURSIVE languages(language) AS (
      (SELECT language FROM articles ORDER BY language LIMIT 1)
      UNION ALL
      SELECT (SELECT a.language FROM articles a WHERE a.language > l.language ORDER BY a.language LIMIT 1)
        FROM languages l WHERE l.language IS NOT NULL
    ), configs AS (
      SELECT DISTINCT search_config(language) AS config FROM languages WHERE language IS NOT NULL
      UNION SELECT search_config('und')
    )
    SELECT t.text, array_agg(coalesce(phraseto_tsquery(c.config, t.text)::text, '') ORDER BY c.config::text) AS readings
      FROM unnest(${texts}::text[]) AS t(text) CROSS JOIN configs c
     GROUP BY t.text`;
  return new Map(rows.map((row) => [row.text, row.readings]));
}

/** A reader's query as the tsqueries search runs: itself, and its phrases relaxed (relaxedSearchQuery). */
export async function searchTsqueries(prisma: PrismaClient, text: string) {
  const segmented = segmentQuery(text);
  const clauses = parseSearchTerms(segmented);
  const relaxedClauses = parseSearchTerms(relaxedSearchQuery(segmented));
  const readings = await readTerms(prisma, termTexts(clauses, relaxedClauses));
  return { query: searchTsquery(clauses, readings), relaxed: searchTsquery(relaxedClauses, readings) };
}

export async function loadSearchResults(prisma: PrismaClient, text: string, page: number): Promise<SearchResults> {
  const offset = (page - 1) * SEARCH_PAGE_SIZE;
  const { query, relaxed } = await searchTsqueries(prisma, text);
  const rows =
    offset >= SEARCH_RESULT_CAP
      ? []
      : await prisma.$queryRaw<HitRow[]>`
    WITH holding AS MATERIALIZED (
      SELECT a.id, a.published_at, a.search
        FROM articles a
       WHERE querytree(${query}::tsquery) NOT IN ('', 'T')
         AND a.search @@ ${relaxed}::tsquery
         AND ${published('a')}
       ORDER BY a.published_at DESC, a.id DESC
       LIMIT ${CANDIDATES}
    ), candidates AS MATERIALIZED (
      SELECT h.id, h.published_at, h.search FROM holding h WHERE h.search @@ ${query}::tsquery
    ), ranked AS (
      SELECT c.id, c.published_at, count(*) OVER () AS total,
             (ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', c.search, ${query}::tsquery, 32)
               + CASE WHEN ts_filter(c.search, '{a}') @@ ${query}::tsquery THEN 2 ELSE 0 END)
             * (0.7 + 0.3 / (1 + greatest(0, extract(epoch FROM now() - c.published_at)) / 31557600)) AS score
        FROM candidates c
       ORDER BY score DESC, c.published_at DESC, c.id DESC
       LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${offset}
    )
    SELECT a.slug, a.headline, s.slug AS section_slug, s.name AS section_name, ${authorsOf('a')} AS authors,
           a.published_at, a.language,
           least(r.total, ${CANDIDATES})::int AS total,
           CASE WHEN a.headline ~ ${SPACELESS_BLOCKS} OR src.text ~ ${SPACELESS_BLOCKS} THEN src.text END AS spaceless_source,
           ${highlights(Prisma.sql`search_config(a.language)`, Prisma.sql`a.headline`, Prisma.sql`src.text`, query)}
      FROM ranked r
      JOIN articles a ON a.id = r.id
      JOIN sections s ON s.id = a.section_id
     CROSS JOIN LATERAL (SELECT left((SELECT string_agg(b ->> 'text', E'\n' ORDER BY n)
                                        FROM jsonb_array_elements(a.body) WITH ORDINALITY AS e(b, n)),
                                     ${SNIPPET_SOURCE_CHARS}) AS text) src
     ORDER BY r.score DESC, r.published_at DESC, r.id DESC`;

  let total = rows[0]?.total ?? 0;
  let nothingToSearch = false;
  if (rows.length === 0) ({ total, nothingToSearch } = await countMatches(prisma, query, relaxed, offset > 0));
  const more = total > SEARCH_RESULT_CAP;
  const shown = Math.min(total, SEARCH_RESULT_CAP);
  return {
    query: text,
    hits: (await highlightSpaceless(prisma, rows, query)).map(toHit),
    total: shown,
    more,
    page,
    pageCount: Math.ceil(shown / SEARCH_PAGE_SIZE),
    nothingToSearch,
  };
}

/**
 * For a page with no results: whether the query searches anything, and how many match, counted as
 * the results are (among the same capped candidates). A first page with no results has none to
 * count: only a page past the last one counts, so that a query that finds nothing is searched once.
 */
async function countMatches(prisma: PrismaClient, query: string, relaxed: string, count: boolean) {
  const [row] = count
    ? await prisma.$queryRaw<Array<{ searchable: boolean; total: number }>>`
    SELECT querytree(${query}::tsquery) NOT IN ('', 'T') AS searchable,
           (SELECT count(*)::int FROM (
              SELECT search FROM articles a
               WHERE querytree(${query}::tsquery) NOT IN ('', 'T')
                 AND search @@ ${relaxed}::tsquery
                 AND ${published('a')}
               ORDER BY published_at DESC, id DESC
               LIMIT ${CANDIDATES}) h
             WHERE h.search @@ ${query}::tsquery) AS total`
    : await prisma.$queryRaw<Array<{ searchable: boolean; total: number }>>`
    SELECT querytree(${query}::tsquery) NOT IN ('', 'T') AS searchable, 0 AS total`;
  return { total: row?.total ?? 0, nothingToSearch: !(row?.searchable ?? false) };
}

function toHit(row: HitRow): SearchHit {
  return {
    slug: row.slug,
    headline: row.headline,
    headlineHighlighted: parseHighlighted(row.headline_marked),
    snippet: row.snippet === null ? [] : parseSnippet(row.snippet),
    section: { slug: row.section_slug, name: row.section_name },
    authors: row.authors,
    publishedAt: row.published_at.toISOString(),
    language: row.language,
  };
}
