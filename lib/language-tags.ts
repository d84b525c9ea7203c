/**
 * What the site's pages need to know of a language tag (docs/languages.md): its direction and the
 * attributes of an element in it. Apart from lib/language.ts, whose detector's database (ELD's,
 * megabytes) no page should load.
 */

/** BCP 47's "undetermined": a text too short or too mixed for the detector to be sure of. */
export const UNDETERMINED_LANGUAGE = 'und';

/** Scripts written right to left (ISO 15924), as `Intl.Locale#maximize` names them. */
const RIGHT_TO_LEFT_SCRIPTS = new Set(['Arab', 'Hebr', 'Syrc', 'Thaa', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr', 'Yezi']);

/**
 * Whether a language is written right to left (`ar`, `he`, `fa`, `ur`, `ps`, `yi`, `dv`, also
 * `ku-Arab`; not `ku` nor `az`, whose likely scripts are Latin), from its likely script.
 */
export function isRightToLeft(tag: string): boolean {
  try {
    const script = new Intl.Locale(tag).maximize().script;
    return script !== undefined && RIGHT_TO_LEFT_SCRIPTS.has(script);
  } catch {
    return false;
  }
}

/** `dir` for a language: `rtl` for one written right to left, else `ltr`. */
export function textDirection(tag: string): 'rtl' | 'ltr' {
  return isRightToLeft(tag) ? 'rtl' : 'ltr';
}

/**
 * The `lang` and `dir` attributes of an element that holds an article's text (its page's
 * `<article>`, a card in a listing): the article's language and its direction, both given so
 * that an article reads right whatever the site's own language and direction; none for `und`
 * (undetermined), which is left to inherit the page's (docs/languages.md).
 */
export function languageAttributes(tag: string): { lang?: string; dir?: 'rtl' | 'ltr' } {
  if (tag === '' || tag === UNDETERMINED_LANGUAGE) return {};
  return { lang: tag, dir: textDirection(tag) };
}

/**
 * The attributes of the site's own words (a date line, "min read", "Published in") inside an
 * element in the article's language: the site's language and direction, so that they are read
 * and ordered as the site's; none where the article's are the same.
 */
export function siteWordsWithin(articleLanguage: string, siteLanguage: string): { lang?: string; dir?: 'rtl' | 'ltr' } {
  const article = languageAttributes(articleLanguage);
  const site = languageAttributes(siteLanguage);
  return article.lang === undefined || (article.lang === site.lang && article.dir === site.dir) ? {} : site;
}
