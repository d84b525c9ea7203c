/**
 * Which way a language is written (pure `Intl`, no data of its own: the pages and the import
 * share it). An article's language (lib/language.ts) and the site's (lib/i18n) both go through it.
 */

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
