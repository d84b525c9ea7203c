import { textDirection } from '@/lib/language-tags';
import { ar } from './ar';
import { en, type Plural, type Words } from './en';
import { es } from './es';
import { ru } from './ru';

/**
 * The site's own words in the site's language (docs/languages.md): one setting, `SITE_LANGUAGE`
 * (a BCP 47 tag, `en` by default), read once per process like SITE_NAME. The dictionary is the
 * one of the tag's language (`es-MX` → Spanish); a language without one falls back to English,
 * said once at start-up (`checkSiteLanguage`). Formats (numbers, dates, lists, plurals) are
 * `Intl`'s, in the tag itself.
 */
export const DICTIONARIES = { en, es, ru, ar } satisfies Record<string, Words>;
export type { Plural, Words };
export const DEFAULT_LANGUAGE = 'en';

/** The direction a language is written in, from its tag (`ar-EG` → `rtl`; a script subtag decides: `az-Arab` → `rtl`). */
export const directionOf = textDirection;

export interface SiteLanguage {
  /** The tag `<html lang>` carries: the setting's (canonical case), or `en` when it fell back. */
  tag: string;
  dir: 'ltr' | 'rtl';
  words: Words;
  /** Why the setting was not used as given (an unknown or invalid tag); null when it was. */
  problem: string | null;
}

/** What a `SITE_LANGUAGE` value gives: its tag, direction and words, or English and why. */
export function resolveLanguage(setting: string | undefined): SiteLanguage {
  const given = setting?.trim() || DEFAULT_LANGUAGE;
  const known = Object.keys(DICTIONARIES).join(', ');
  const english = (problem: string): SiteLanguage => ({ tag: DEFAULT_LANGUAGE, dir: 'ltr', words: en, problem });
  let tag: string;
  try {
    [tag = DEFAULT_LANGUAGE] = Intl.getCanonicalLocales(given);
  } catch {
    return english(
      `SITE_LANGUAGE "${given}" is not a BCP 47 language tag (for example en, es, ru, ar): the site's words are in English`,
    );
  }
  const primary = tag.split('-')[0]!.toLowerCase();
  if (!(primary in DICTIONARIES))
    return english(
      `SITE_LANGUAGE "${given}": the site has no words in this language (it has ${known}), so they are in English`,
    );
  return { tag, dir: directionOf(tag), words: DICTIONARIES[primary as keyof typeof DICTIONARIES], problem: null };
}

let chosen: SiteLanguage | undefined;

/** The site's language, picked once per process. */
export function siteLanguage(): SiteLanguage {
  return (chosen ??= resolveLanguage(process.env.SITE_LANGUAGE));
}

/** The site's own words. */
export const words = (): Words => siteLanguage().words;

/** Says at start-up, once, when the setting could not be used as given; the site runs in English then. */
export function checkSiteLanguage(log: (message: string) => void = console.warn): SiteLanguage {
  const language = siteLanguage();
  if (language.problem) log(language.problem);
  return language;
}

/**
 * The locale `Intl` formats in: the site's tag, except plain `en`, whose dates stay the house
 * style of British English (`Monday 27 March 2017`), as the site always wrote them.
 */
export const formatLocale = (tag: string = siteLanguage().tag) => (tag === 'en' ? 'en-GB' : tag);

const numberFormats = new Map<string, Intl.NumberFormat>();
/** A number as the site's language writes it (`1,000`, `1.000`, `1 000`). */
export function formatNumber(value: number, tag: string = siteLanguage().tag): string {
  let format = numberFormats.get(tag);
  if (!format) numberFormats.set(tag, (format = new Intl.NumberFormat(formatLocale(tag))));
  return format.format(value);
}

const pluralRules = new Map<string, Intl.PluralRules>();
/** The phrase for `count` in its plural form for the language (`Intl.PluralRules`), the count written out. */
export function plural<A extends unknown[]>(forms: Plural<[string, ...A]>, count: number, ...rest: A): string {
  const tag = siteLanguage().tag;
  let rules = pluralRules.get(tag);
  if (!rules) pluralRules.set(tag, (rules = new Intl.PluralRules(formatLocale(tag))));
  const form = forms[rules.select(count)] ?? forms.other;
  return form(formatNumber(count, tag), ...rest);
}

const listFormats = new Map<string, Intl.ListFormat>();
/** Names joined as the language says them: "A, B and C", "A, B y C", "A, B و C". */
export function listFormat(tag: string = siteLanguage().tag): Intl.ListFormat {
  let format = listFormats.get(tag);
  if (!format)
    listFormats.set(tag, (format = new Intl.ListFormat(formatLocale(tag), { style: 'long', type: 'conjunction' })));
  return format;
}

/** "Page 2 of 3", in the site's language, its numbers written out there. */
export const pageOfText = (page: number, count: number) =>
  words().pages.pageOf(formatNumber(page), formatNumber(count));
