import { afterEach, describe, expect, test, vi } from 'vitest';
import { DICTIONARIES, directionOf, resolveLanguage, type Words } from './index';
import { ERROR_WORDS } from './error-words';
import { fill } from './template';

type Tree = { [key: string]: unknown };

/** Every leaf of a dictionary by its dotted path: a string, or a phrase (a function). */
function leaves(tree: Tree, prefix = ''): Map<string, unknown> {
  const found = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object') for (const [leaf, v] of leaves(value as Tree, path)) found.set(leaf, v);
    else found.set(path, value);
  }
  return found;
}

/** A phrase said with sample words, or the string itself. */
const said = (value: unknown): string =>
  typeof value === 'function' ? String((value as (...words: unknown[]) => unknown)('7', '«x»')) : String(value);

/** The plural phrases (objects with an `other` form) of a dictionary, by path. */
function plurals(tree: Tree, prefix = ''): Map<string, Tree> {
  const found = new Map<string, Tree>();
  for (const [key, value] of Object.entries(tree)) {
    if (!value || typeof value !== 'object') continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if ('other' in value && typeof value.other === 'function') found.set(path, value as Tree);
    else for (const [inner, v] of plurals(value as Tree, path)) found.set(inner, v);
  }
  return found;
}

/** The groups of words passed to client components as props (which carry no functions). */
const CLIENT_GROUPS = [
  'continueReading',
  'offline',
  'share',
  'reader',
  'saved',
  'listen',
  'live',
  'sinceRead',
] as const;

const english = leaves(DICTIONARIES.en as unknown as Tree);
// Words the same in a translation as in English: the search operator, punctuation, a status code.
const SAME_AS_ENGLISH = new Set([
  'search.adviceOr.or',
  'search.adviceOr.between',
  'search.adviceOr.after',
  'notFound.kicker',
  'errors.dir',
]);

describe.each(Object.entries(DICTIONARIES).filter(([language]) => language !== 'en'))(
  'the %s dictionary',
  (language, dictionary) => {
    const own = leaves(dictionary as unknown as Tree);

    test('has every key of the English one, and no other', () => {
      expect([...own.keys()].filter((key) => !english.has(key) && !/\.(zero|two|few|many)$/u.test(key))).toEqual([]);
      const missing = [...english.keys()].filter((key) => !own.has(key));
      expect(missing).toEqual([]);
    });

    test('says every phrase in its own words', () => {
      for (const [key, value] of own) {
        const text = said(value);
        expect(text.trim(), key).not.toBe('');
        if (!SAME_AS_ENGLISH.has(key) && english.has(key)) expect(text, key).not.toBe(said(english.get(key)));
      }
    });

    test('has every plural form its language needs (Intl.PluralRules)', () => {
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const [key, forms] of plurals(dictionary as unknown as Tree)) {
        expect(Object.keys(forms).sort(), key).toEqual([...categories].sort());
      }
    });

    test('gives client components text only, each template with the English one’s {names}', () => {
      for (const group of CLIENT_GROUPS) {
        for (const [key, value] of leaves(dictionary[group] as unknown as Tree, group)) {
          expect(typeof value, key).toBe('string');
          const names = (text: unknown) => [...String(text).matchAll(/\{(\w+)\}/gu)].map((match) => match[1]).sort();
          expect(names(value), key).toEqual(names(english.get(key)));
        }
      }
    });

    test('shares its error pages’ words with the client error pages', () => {
      expect(dictionary.errors).toBe(ERROR_WORDS[language as keyof typeof ERROR_WORDS]);
    });
  },
);

test('a template is filled in with the words given, a name not given left as written', () => {
  expect(fill('You stopped at paragraph {block} of {blocks}.', { block: '3', blocks: '9' })).toBe(
    'You stopped at paragraph 3 of 9.',
  );
  expect(fill('Remove “{headline}”', {})).toBe('Remove “{headline}”');
});

describe('the site language setting', () => {
  test('defaults to English, left to right', () => {
    expect(resolveLanguage(undefined)).toMatchObject({ tag: 'en', dir: 'ltr', problem: null });
    expect(resolveLanguage('  ')).toMatchObject({ tag: 'en', dir: 'ltr', problem: null });
  });

  test('takes a language’s dictionary for any region of it, the tag kept in its canonical case', () => {
    const mexico = resolveLanguage('es-mx');
    expect(mexico).toMatchObject({ tag: 'es-MX', dir: 'ltr', problem: null });
    expect(mexico.words).toBe(DICTIONARIES.es);
    expect(resolveLanguage('ar-EG')).toMatchObject({ tag: 'ar-EG', dir: 'rtl', problem: null });
    expect(resolveLanguage('ru').words).toBe(DICTIONARIES.ru);
  });

  test('falls back to English, saying why, for a language it has no words in', () => {
    const hebrew = resolveLanguage('he');
    expect(hebrew).toMatchObject({ tag: 'en', dir: 'ltr' });
    expect(hebrew.words).toBe(DICTIONARIES.en);
    expect(hebrew.problem).toBe(
      'SITE_LANGUAGE "he": the site has no words in this language (it has en, es, ru, ar), so they are in English',
    );
  });

  test('falls back to English, saying why, for a value that is not a language tag', () => {
    const wrong = resolveLanguage('english please');
    expect(wrong).toMatchObject({ tag: 'en', dir: 'ltr' });
    expect(wrong.problem).toBe(
      'SITE_LANGUAGE "english please" is not a BCP 47 language tag (for example en, es, ru, ar): the site\'s words are in English',
    );
  });

  test('knows which languages are written right to left', () => {
    for (const tag of ['ar', 'he', 'fa', 'ur', 'ar-MA', 'az-Arab', 'yi']) expect(directionOf(tag), tag).toBe('rtl');
    for (const tag of ['en', 'es', 'ru', 'zh', 'ja', 'az', 'tr', 'hi']) expect(directionOf(tag), tag).toBe('ltr');
  });
});

/** lib/i18n and the date helpers as a process with this SITE_LANGUAGE has them. */
async function inLanguage(tag: string) {
  vi.resetModules();
  vi.stubEnv('SITE_LANGUAGE', tag);
  vi.stubEnv('SITE_TIME_ZONE', 'Europe/London');
  const i18n = await import('./index');
  const time = await import('../time-zone');
  return { ...i18n, ...time };
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

// Wednesday 1 July 2026, 14:05 UTC: 15:05 in London (BST).
const SUMMER = new Date('2026-07-01T14:05:00Z');

describe('dates in the site’s language, in its time zone', () => {
  test('English keeps the house style', async () => {
    const { formatDate } = await inLanguage('en');
    expect(formatDate(SUMMER, 'long')).toBe('Wednesday 1 July 2026, 15:05 BST');
    expect(formatDate(SUMMER, 'date')).toBe('Wednesday 1 July 2026');
    expect(formatDate(SUMMER, 'short')).toBe('1 Jul 2026');
  });

  test('Spanish, Russian and Arabic write them as Intl does there', async () => {
    const spanish = await inLanguage('es');
    expect(spanish.formatDate(SUMMER, 'date')).toBe('miércoles, 1 de julio de 2026');
    expect(spanish.formatDate(SUMMER, 'long')).toMatch(/^miércoles, 1 de julio de 2026, 15:05 /u);
    expect(spanish.formatDate(SUMMER, 'short')).toBe('1 jul 2026');
    const russian = await inLanguage('ru');
    expect(russian.formatDate(SUMMER, 'date')).toBe('среда, 1 июля 2026 г.');
    expect(russian.formatDate(SUMMER, 'long')).toMatch(
      /^среда, 1 июля 2026 г\., 15:05 |^среда, 1 июля 2026 г\. в 15:05 /u,
    );
    const arabic = await inLanguage('ar');
    expect(arabic.formatDate(SUMMER, 'date')).toBe(
      new Intl.DateTimeFormat('ar', {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'Europe/London',
      }).format(SUMMER),
    );
    expect(arabic.formatDate(SUMMER, 'date')).toContain('يوليو');
    expect(arabic.formatDate(SUMMER, 'date')).toContain('الأربعاء');
  });
});

describe('counts in the site’s language', () => {
  const matches = (words: Words) => words.search.matches;

  test('English: one and other, thousands with a comma', async () => {
    const { plural, words, formatNumber } = await inLanguage('en');
    expect(plural(matches(words()), 1, '“harbour”')).toBe('1 article matches “harbour”');
    expect(plural(matches(words()), 1234, '“harbour”')).toBe('1,234 articles match “harbour”');
    expect(words().search.atLeast(formatNumber(1000), '“harbour”')).toBe('1,000+ articles match “harbour”');
  });

  test('Spanish', async () => {
    const { plural, words, formatNumber } = await inLanguage('es');
    expect(plural(matches(words()), 1, '«puerto»')).toBe('1 artículo coincide con «puerto»');
    expect(plural(matches(words()), 12345, '«puerto»')).toBe('12.345 artículos coinciden con «puerto»');
    expect(words().search.atLeast(formatNumber(1000), '«puerto»')).toBe('Más de 1000 artículos coinciden con «puerto»');
    expect(plural(words().article.updates, 2)).toBe('2 actualizaciones');
  });

  test('Russian: one, few and many', async () => {
    const { plural, words } = await inLanguage('ru');
    expect(plural(matches(words()), 1, '«порт»')).toBe('По запросу «порт» найдена 1 статья');
    expect(plural(matches(words()), 3, '«порт»')).toBe('По запросу «порт» найдено 3 статьи');
    expect(plural(matches(words()), 5, '«порт»')).toBe('По запросу «порт» найдено 5 статей');
    expect(plural(matches(words()), 21, '«порт»')).toBe('По запросу «порт» найдена 21 статья');
    expect(plural(matches(words()), 12345, '«порт»')).toBe('По запросу «порт» найдено 12\u00a0345 статей');
    expect(plural(words().article.updates, 2)).toBe('2 обновления');
  });

  test('Arabic: one, two, few, many', async () => {
    const { plural, words } = await inLanguage('ar');
    expect(plural(matches(words()), 1, '«ميناء»')).toBe('مقالة واحدة تطابق «ميناء»');
    expect(plural(matches(words()), 2, '«ميناء»')).toBe('مقالتان تطابقان «ميناء»');
    expect(plural(matches(words()), 5, '«ميناء»')).toBe('5 مقالات تطابق «ميناء»');
    expect(plural(matches(words()), 11, '«ميناء»')).toBe('11 مقالةً تطابق «ميناء»');
    expect(plural(matches(words()), 100, '«ميناء»')).toBe('100 مقالة تطابق «ميناء»');
  });
});
