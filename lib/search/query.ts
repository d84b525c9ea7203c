import { parsePageParam } from '@/lib/url-params';

/** Longest query searched, in characters (code points): a longer one is cut, not refused. */
export const SEARCH_QUERY_MAX_LENGTH = 200;
/** Results on one page of search, as on a section's page. */
export const SEARCH_PAGE_SIZE = 20;
/**
 * Most matches ranked for one query. Past it the page says "1,000+": a word that is in every
 * article would otherwise have every article ranked, whose cost grows with the archive.
 */
export const SEARCH_RESULT_CAP = 1_000;

export interface SearchQuery {
  /** What is searched for, and shown back in the box: white space collapsed, at most 200 characters. */
  text: string;
  /** The reader's query was longer than SEARCH_QUERY_MAX_LENGTH and was cut. */
  cut: boolean;
}

// Control characters (PostgreSQL text cannot hold NUL), lone surrogates and private-use
// characters (the highlighter's own markers, lib/search/highlight.ts) never reach the database;
// invisible format characters (soft hyphens, zero-width spaces) are dropped from inside words.
const SEPARATORS = /[\p{Cc}\p{Cs}\p{Co}]/gu;
const INVISIBLE = /\p{Cf}/gu;

/** The reader's `?q=` as it is searched: one value, NFC, white space collapsed, cut to 200 characters. */
export function normalizeSearchQuery(raw: string | string[] | undefined): SearchQuery {
  const value = Array.isArray(raw) ? (raw[0] ?? '') : (raw ?? '');
  const text = value.normalize('NFC').replace(SEPARATORS, ' ').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();
  const characters = [...text];
  if (characters.length <= SEARCH_QUERY_MAX_LENGTH) return { text, cut: false };
  return { text: characters.slice(0, SEARCH_QUERY_MAX_LENGTH).join('').trimEnd(), cut: true };
}

/** `?page=N` of a search: anything but one page number is the first page (search pages are not indexed). */
export function searchPageParam(raw: string | string[] | undefined): number {
  return parsePageParam(raw) ?? 1;
}

/** The address of a page of results (page 1 has no `page`). */
export function searchPath(query: string, page = 1): string {
  const params = new URLSearchParams({ q: query });
  if (page > 1) params.set('page', String(page));
  return `/search?${params.toString()}`;
}

/** What the results of one page of one (normalised) query are kept under. */
export const searchCacheKey = (query: string, page: number) => `${page}:${query}`;

/**
 * The query with its quoted phrases read as their words ANDed: what an article must hold to
 * hold the phrase (lib/queries/search.ts finds candidates by it, newest first and capped, then
 * checks the phrase on those only). Every article the query matches, this matches too:
 *
 * - a phrase becomes its words in its place (`x "a b" or y`, `(x & a<->b) | y`, becomes
 *   `x a b or y`, `(x & a & b) | y`), with `-` and `or` inside the quotes, which are words there,
 *   taken out;
 * - a phrase to leave out (`-"a b"`) is dropped, which can only add articles, unless the query
 *   has an `or`, where dropping a term could take some away: then it stays as it is.
 */
export function relaxedSearchQuery(text: string): string {
  const hasOr = /(^|\s)or(\s|$)/iu.test(text.replace(/"[^"]*("|$)/gu, ' '));
  let relaxed = '';
  for (let at = 0; at < text.length;) {
    const open = text.indexOf('"', at);
    if (open < 0) {
      relaxed += text.slice(at);
      break;
    }
    const close = text.indexOf('"', open + 1);
    const end = close < 0 ? text.length : close + 1;
    const before = text.slice(at, open);
    const phrase = text.slice(open + 1, close < 0 ? text.length : close);
    if (/-\s*$/u.test(before)) {
      relaxed += hasOr ? before + text.slice(open, end) : `${before.replace(/-\s*$/u, '')} `;
    } else {
      relaxed += `${before} ${phrase.replace(/-/gu, ' ').replace(/(^|\s)or(?=\s|$)/giu, ' ')} `;
    }
    at = end;
  }
  return relaxed.replace(/\s+/gu, ' ').trim();
}

/** One word or quoted phrase of a query, as web search reads it; `negated` for `-word`, `-"a phrase"`. */
export interface SearchTerm {
  text: string;
  phrase: boolean;
  negated: boolean;
}

/**
 * A query as `websearch_to_tsquery` reads it, before any language's parsing: clauses separated by
 * `or`, each the terms all of which an article must hold (or, negated, must not). A `-` counts
 * only at a term's start; an unclosed quote runs to the end.
 */
export function parseSearchTerms(text: string): SearchTerm[][] {
  const clauses: SearchTerm[][] = [[]];
  for (let at = 0; at < text.length;) {
    if (/\s/u.test(text[at]!)) {
      at += 1;
      continue;
    }
    const negated = text[at] === '-' && at + 1 < text.length && !/\s/u.test(text[at + 1]!);
    if (negated) at += 1;
    let term: string;
    const phrase = text[at] === '"';
    if (phrase) {
      const close = text.indexOf('"', at + 1);
      term = text.slice(at + 1, close < 0 ? text.length : close);
      at = close < 0 ? text.length : close + 1;
    } else {
      const end = text.slice(at).search(/[\s"]/u);
      term = end < 0 ? text.slice(at) : text.slice(at, at + end);
      at = end < 0 ? text.length : at + end;
    }
    if (!phrase && !negated && /^or$/iu.test(term)) clauses.push([]);
    else if (term.trim() !== '') clauses.at(-1)!.push({ text: term, phrase, negated });
  }
  return clauses.filter((clause) => clause.length > 0);
}

/** The distinct texts of a query's terms (each read in every configuration of the site's languages). */
export const termTexts = (...queries: SearchTerm[][][]) => [
  ...new Set(queries.flatMap((clauses) => clauses.flatMap((clause) => clause.map((term) => term.text)))),
];

/**
 * The tsquery (as text) that searches every language the site holds at once, from each term's
 * readings (`phraseto_tsquery` in each of the site's configurations; '' where one keeps nothing):
 *
 * - a term matches an article holding it in any configuration's reading (`министра` is
 *   'министр' in Russian, 'министра' in English: the OR of both), so each article is found by
 *   its own language's forms without the reader choosing one;
 * - a negated term leaves out an article that holds it in any reading: `-bridge` is
 *   `!('bridg' | 'bridge')`, never "not bridg, or not bridge";
 * - a phrase is each configuration's phrase (its stop words counted as gaps), OR-ed;
 * - a word that some configuration drops as a stop word is not searched for at all (an English
 *   article's vector has no `the`: searching `the` in another language's reading would leave it
 *   out), nor is a term no configuration keeps anything of. A clause left with no terms goes.
 */
export function searchTsquery(clauses: SearchTerm[][], readings: ReadonlyMap<string, readonly string[]>): string {
  const parts = clauses.flatMap((clause) => {
    const terms = clause.flatMap((term) => {
      const forms = readings.get(term.text) ?? [];
      if (forms.length === 0 || (!term.phrase && forms.includes(''))) return [];
      const kept = [...new Set(forms.filter((form) => form !== ''))];
      if (kept.length === 0) return [];
      const any = `( ${kept.join(' | ')} )`;
      return [term.negated ? `!${any}` : any];
    });
    return terms.length === 0 ? [] : [`( ${terms.join(' & ')} )`];
  });
  return parts.join(' | ');
}
