import { noteParts } from '@/lib/article-lines';
import type { StoredNote } from '@/lib/documents/types';
import { PublishedTime } from './PublishedTime';

/**
 * The article's corrections and editor's notes, at the top, each a labelled note ("Correction",
 * "Editor's note"; an `aside` with role=note, as a complementary landmark inside the article would
 * not be top level) with the day it was first carried: read once, in document order, not announced
 * as they arrive (nothing changes them while the page is open). Nothing without notes.
 */
export function ArticleNotes({ notes }: { notes: readonly StoredNote[] }) {
  if (notes.length === 0) return null;
  return (
    <div className="mt-4 space-y-3">
      {notes.map((note, index) => {
        const { label, text } = noteParts(note);
        return (
          <aside
            key={index}
            role="note"
            aria-label={label}
            className="rounded-sm border-s-4 border-accent bg-surface px-4 py-3 text-[0.9375rem] leading-relaxed text-ink"
          >
            <p className="font-semibold">
              <span className="text-accent">{label}</span>
              <span className="font-normal text-muted">
                {' · '}
                <PublishedTime iso={note.datedAt} format="date" />
              </span>
            </p>
            <p className="mt-1">{text}</p>
          </aside>
        );
      })}
    </div>
  );
}
