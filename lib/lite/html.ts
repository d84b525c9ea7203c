import { languageAttributes } from '@/lib/language-tags';

/**
 * A sliver of HTML templating for the lite pages: every interpolated value is escaped
 * unless it is already Markup made here, so document text can never become markup.
 */
export class Markup {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string) => text.replace(/[&<>"']/gu, (character) => ESCAPES[character] ?? character);

type Value = Markup | string | number | null | undefined | false | readonly Value[];

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Markup) return value.html;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** ` lang="…" dir="…"`, an element's attributes for text in this language (none for `und`: lib/language-tags.ts). */
export function languageMarkup(tag: string): Markup | false {
  const { lang, dir } = languageAttributes(tag);
  return lang !== undefined && markup` lang="${lang}" dir="${dir}"`;
}

/** `markup\`<p>${text}</p>\``: the template's own text is markup, what is put in it is text. */
export function markup(strings: TemplateStringsArray, ...values: Value[]): Markup {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return new Markup(out);
}
