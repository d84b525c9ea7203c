import { noteParts } from '@/lib/article-lines';
import type { BodyBlock, Dateline, StoredNote } from '@/lib/documents/types';
import { formatPublishedDate } from '@/lib/time-zone';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (char) => ESCAPES[char] ?? char);
}

/** The notes at the top of an entry: one paragraph each, its label and day in bold ("Correction, 3 December 2026:"). */
export function notesHtml(notes: readonly StoredNote[]): string[] {
  return notes.map((note) => {
    const { label, text } = noteParts(note);
    return `<p><strong>${escapeHtml(`${label}, ${formatPublishedDate(new Date(note.datedAt))}:`)}</strong> ${escapeHtml(text)}</p>`;
  });
}

/**
 * An article body as HTML for feed readers, its notes first: every piece of text escaped, no
 * attributes, no links.
 */
export function articleHtml(
  body: readonly BodyBlock[],
  dateline: Dateline | null,
  notes: readonly StoredNote[] = [],
): string {
  let datelinePending = dateline !== null;
  const blocks = body.map((block) => {
    if (block.type === 'subheading') return `<h2>${escapeHtml(block.text)}</h2>`;
    let prefix = '';
    if (datelinePending && dateline) {
      prefix = `<strong>${escapeHtml(`${dateline.place}, ${dateline.dateText} (${dateline.source})`)}</strong> `;
      datelinePending = false;
    }
    return `<p>${prefix}${escapeHtml(block.text)}</p>`;
  });
  return [...notesHtml(notes), ...blocks].join('\n');
}
