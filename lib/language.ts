import { eld } from 'eld/medium';
import { UNDETERMINED_LANGUAGE } from './language-tags';

/**
 * Each article's language (docs/languages.md): found from its text by ELD (npm `eld`, the
 * Efficient Language Detector), unless the import is told the language of a run's documents.
 * ELD because it is plain JavaScript with no dependencies and no install step, reads 60
 * languages in every script the site's sources publish in (Arabic, Persian, Urdu, Hebrew, CJK,
 * Thai, Cyrillic, Greek, the Indic scripts, Latin), answers ISO 639-1 codes (BCP 47's own), and
 * is both the most accurate of the JavaScript detectors on sentences (99%, its authors'
 * benchmark, against franc's 90%) and about fifteen times faster than franc here (25 µs an
 * article against 360 µs: an import of 100,000 articles spends about 3 s detecting).
 */

// What pages need of a tag (its direction, its attributes) is in ./language-tags, without the
// detector's database.

/** How much of an article the detector reads: its headline and the start of its body is plenty. */
const DETECTED_CHARS = 1_000;

/**
 * The language of a text (an article's headline and paragraphs, in order), as a BCP 47 tag
 * (`ru`, `zh`, `ar`), or `und` when the detector is not sure. Pure: the same text gives the
 * same answer.
 */
export function detectLanguage(parts: readonly string[]): string {
  let text = '';
  for (const part of parts) {
    text += text === '' ? part : `\n${part}`;
    if (text.length >= DETECTED_CHARS) break;
  }
  const result = eld.detect(text.slice(0, DETECTED_CHARS));
  return result.language !== '' && result.isReliable() ? result.language : UNDETERMINED_LANGUAGE;
}

export class LanguageTagError extends Error {}

/**
 * A language tag as given by an editor (`--language pt-BR`), canonicalised (`pt-br` → `pt-BR`,
 * `rus` → `ru`), or a LanguageTagError saying what is wrong with it.
 */
export function canonicalLanguageTag(tag: string): string {
  const refused = new LanguageTagError(
    `"${tag}" is not a BCP 47 language tag (for example en, es, ru, zh-Hant, pt-BR, ar)`,
  );
  let canonical: string | undefined;
  try {
    [canonical] = Intl.getCanonicalLocales(tag.trim());
  } catch {
    throw refused;
  }
  // Well-formed is not enough: `english` is a well-formed tag of no language.
  if (!canonical || canonical === UNDETERMINED_LANGUAGE || !KNOWN_LANGUAGES.of(new Intl.Locale(canonical).language)) {
    throw refused;
  }
  return canonical;
}

/** Names of the languages ICU knows (`undefined` for a subtag of no known language). */
const KNOWN_LANGUAGES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
