import type { BodyBlock, Dateline } from '@/lib/documents/types';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (char) => ESCAPES[char] ?? char);
}

/** An article body as HTML for feed readers: every piece of text escaped, no attributes, no links. */
export function articleHtml(body: readonly BodyBlock[], dateline: Dateline | null): string {
  let datelinePending = dateline !== null;
  return body
    .map((block) => {
      if (block.type === 'subheading') return `<h2>${escapeHtml(block.text)}</h2>`;
      let prefix = '';
      if (datelinePending && dateline) {
        prefix = `<strong>${escapeHtml(`${dateline.place}, ${dateline.dateText} (${dateline.source})`)}</strong> `;
        datelinePending = false;
      }
      return `<p>${prefix}${escapeHtml(block.text)}</p>`;
    })
    .join('\n');
}
