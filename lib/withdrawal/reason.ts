import type { BodyBlock, Note } from '@/lib/documents/types';
import { WithdrawalInputError } from './address';

/** Words of a text as compared: case, accents' forms and punctuation set aside. */
const words = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Fewer words than this are not taken for a quoted sentence ("He denied it." may well be the editor's own words). */
const QUOTED_SENTENCE_WORDS = 4;

/** The sentences of a text: split after `.`, `!` or `?` (and a closing quote) before a space. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?][”"’')\]]?)\s+/u)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

/** What an article (or one of its versions) says: its headline, and its body's and notes' sentences. */
export interface ArticleText {
  headline: string;
  body: readonly BodyBlock[];
  notes?: readonly Note[];
}

/**
 * A legal removal's reason must not quote what is removed (it is kept, and shown on the
 * corrections page): refused when it holds the headline or a sentence of the body or notes of
 * any version, compared word for word.
 */
export function checkReasonQuotesNothing(reason: string, versions: readonly ArticleText[]): void {
  const said = ` ${words(reason)} `;
  for (const version of versions) {
    const headline = words(version.headline);
    if (headline && (said.trim() === headline || (headline.includes(' ') && said.includes(` ${headline} `))))
      throw new WithdrawalInputError(
        'the reason quotes the headline of the article being removed: a legal removal keeps its reason, so say why without quoting the text',
      );
    const texts = [...version.body.map((block) => block.text), ...(version.notes ?? []).map((note) => note.text)];
    for (const sentence of texts.flatMap(sentencesOf)) {
      const quoted = words(sentence);
      if (quoted.split(' ').length >= QUOTED_SENTENCE_WORDS && said.includes(` ${quoted} `))
        throw new WithdrawalInputError(
          'the reason quotes a sentence of the article being removed: a legal removal keeps its reason, so say why without quoting the text',
        );
    }
  }
}
