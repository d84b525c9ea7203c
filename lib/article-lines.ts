import type { Note } from '@/lib/documents/types';
import { listFormat, words } from '@/lib/i18n';

/**
 * How every copy of an article words its newsroom lines (docs/document-format.md, "Newsroom
 * lines"): the byline's names joined as a reader says them, and a note split into its label and
 * its text. Pure: the page, the lite page, the Markdown copy and the feeds share them.
 */

/** Names joined as the site's language says them (lib/i18n). */
const names = listFormat();

/** A byline's pieces in order: each name (by its index in `items`) and the words between them. */
export type BylinePiece = { name: number } | { text: string };

/** "A", "A and B", "A, B and C": the names' positions and the words between, to render each name as a link. */
export function bylinePieces(count: number): BylinePiece[] {
  const placeholders = Array.from({ length: count }, (_, index) => `\u0000${index}\u0000`);
  return names.formatToParts(placeholders).map((part) => {
    const match = part.type === 'element' ? /^\u0000(\d+)\u0000$/u.exec(part.value) : null;
    return match ? { name: Number(match[1]) } : { text: part.value };
  });
}

/** The byline as text: "By A, B and C" ('' without authors). */
export function bylineText(authors: readonly { name: string }[]): string {
  return authors.length === 0
    ? ''
    : `${words().by(authors.length)} ${names.format(authors.map((author) => author.name))}`;
}

/**
 * A note's label ("Correction", "Clarification", "Editor's note": as the document wrote it, else
 * its kind's), in the site's language, and the text after the label.
 */
export function noteParts(note: Note): { label: string; text: string } {
  const match = /^\s*(Correction|Clarification|Editor['’]s note)\s*:\s*/iu.exec(note.text);
  const labels = words().article.notes;
  if (!match) return { label: labels[note.kind], text: note.text.trim() };
  const written = match[1]!.toLowerCase();
  const label = written.startsWith('clar')
    ? labels.clarification
    : written.startsWith('corr')
      ? labels.correction
      : labels.editor;
  return { label, text: note.text.slice(match[0].length).trim() };
}
