import { describe, expect, test } from 'vitest';
import {
  SEARCH_QUERY_MAX_LENGTH,
  normalizeSearchQuery,
  parseSearchTerms,
  relaxedSearchQuery,
  searchPageParam,
  searchPath,
  searchTsquery,
} from './query';

describe('a reader’s query', () => {
  test('is searched as typed, white space collapsed and trimmed', () => {
    expect(normalizeSearchQuery('  harbour \n\t bridge  ')).toEqual({ text: 'harbour bridge', cut: false });
  });

  test('of white space only, or absent, is empty: the page shows the box and nothing else', () => {
    expect(normalizeSearchQuery(' \u00a0\t ')).toEqual({ text: '', cut: false });
    expect(normalizeSearchQuery(undefined)).toEqual({ text: '', cut: false });
  });

  test('given twice in the address is the first one', () => {
    expect(normalizeSearchQuery(['vardo', 'zurich'])).toEqual({ text: 'vardo', cut: false });
  });

  test('longer than 200 characters is cut to its first 200, not refused', () => {
    const long = 'harbour '.repeat(40);
    const { text, cut } = normalizeSearchQuery(long);
    expect(cut).toBe(true);
    expect([...text].length).toBeLessThanOrEqual(SEARCH_QUERY_MAX_LENGTH);
    expect(long.startsWith(text)).toBe(true);
  });

  test('counts characters, not UTF-16 units: 200 letters outside the BMP are not cut', () => {
    const text = '𝔘'.repeat(SEARCH_QUERY_MAX_LENGTH);
    expect(normalizeSearchQuery(text)).toEqual({ text, cut: false });
  });

  test('in decomposed Unicode is searched composed, as stored text is', () => {
    expect(normalizeSearchQuery('Zu\u0308rich').text).toBe('Zürich');
  });

  test('never carries control characters (NUL), lone surrogates or the highlighter’s private-use markers', () => {
    expect(normalizeSearchQuery('har\u0000bour \ud800 \ue000mark\ue001').text).toBe('har bour mark');
  });

  test('loses invisible characters inside words (soft hyphen, zero-width space)', () => {
    expect(normalizeSearchQuery('har\u00adbour bri\u200bdge').text).toBe('harbour bridge');
  });
});

describe('the page of a search', () => {
  test('is the page asked for, or the first when the number is missing or not one', () => {
    expect(searchPageParam('3')).toBe(3);
    expect(searchPageParam(undefined)).toBe(1);
    for (const bad of ['0', '-1', 'two', '1.5', ['2', '3']]) expect(searchPageParam(bad)).toBe(1);
  });

  test('has an address that holds the query, and the page past the first', () => {
    expect(searchPath('harbour & "bridge"')).toBe('/search?q=harbour+%26+%22bridge%22');
    expect(searchPath('vardø', 2)).toBe('/search?q=vard%C3%B8&page=2');
  });
});

describe('a query read without its phrases (the candidates a phrase is checked on)', () => {
  test.each([
    ['"said government minister"', 'said government minister'],
    ['x "a b" or y', 'x a b or y'],
    ['"harbour -bridge" ferry', 'harbour bridge ferry'],
    ['"harbour or bridge"', 'harbour bridge'],
    ['ferry -"harbour bridge"', 'ferry'],
    ['ferry - "harbour bridge" tide', 'ferry tide'],
    ['ferry or -"harbour bridge"', 'ferry or -"harbour bridge"'],
    ['"unclosed phrase', 'unclosed phrase'],
    ['harbour -bridge', 'harbour -bridge'],
  ])('%s is searched for candidates as %s', (query, relaxed) => {
    expect(relaxedSearchQuery(query)).toBe(relaxed);
  });
});

describe('parseSearchTerms', () => {
  test('words, phrases, -negation and or, as web search reads them', () => {
    expect(parseSearchTerms('harbour -bridge "old town" or -"new port" ferry')).toEqual([
      [
        { text: 'harbour', phrase: false, negated: false },
        { text: 'bridge', phrase: false, negated: true },
        { text: 'old town', phrase: true, negated: false },
      ],
      [
        { text: 'new port', phrase: true, negated: true },
        { text: 'ferry', phrase: false, negated: false },
      ],
    ]);
  });

  test('a lone - is a word (of no letters, which every configuration drops), an empty phrase and a leading or are nothing; an unclosed quote runs to the end', () => {
    expect(parseSearchTerms('or a - "" b "c d')).toEqual([
      [
        { text: 'a', phrase: false, negated: false },
        { text: '-', phrase: false, negated: false },
        { text: 'b', phrase: false, negated: false },
        { text: 'c d', phrase: true, negated: false },
      ],
    ]);
    expect(parseSearchTerms('covid-19 OR')).toEqual([[{ text: 'covid-19', phrase: false, negated: false }]]);
  });
});

describe('searchTsquery', () => {
  const readings = new Map([
    ['министра', ["'министр'", "'министра'"]],
    ['bridge', ["'bridg'", "'bridge'"]],
    ['the', ['', "'the'"]],
    ['of the sea', ["'sea'", "'of' <-> 'the' <-> 'sea'"]],
    ['!', ['', '']],
  ]);
  const build = (text: string) => searchTsquery(parseSearchTerms(text), readings);

  test('a term is the OR of its readings in each configuration', () => {
    expect(build('министра')).toBe("( ( 'министр' | 'министра' ) )");
  });

  test('a negated term leaves out an article that holds any of its readings', () => {
    expect(build('министра -bridge')).toBe("( ( 'министр' | 'министра' ) & !( 'bridg' | 'bridge' ) )");
  });

  test('a word some configuration drops as a stop word is not searched for; a phrase keeps each reading', () => {
    expect(build('the министра')).toBe("( ( 'министр' | 'министра' ) )");
    expect(build('"of the sea"')).toBe("( ( 'sea' | 'of' <-> 'the' <-> 'sea' ) )");
  });

  test('clauses are OR-ed; a clause of nothing searchable goes, and so does a query of nothing', () => {
    expect(build('министра or the')).toBe("( ( 'министр' | 'министра' ) )");
    expect(build('bridge or министра')).toBe("( ( 'bridg' | 'bridge' ) ) | ( ( 'министр' | 'министра' ) )");
    expect(build('the !')).toBe('');
  });
});
