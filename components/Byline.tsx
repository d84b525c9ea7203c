import { bylinePieces } from '@/lib/article-lines';
import type { NameRef } from '@/lib/queries/types';
import { authorPagePath } from '@/lib/site';
import { words } from '@/lib/i18n';
import { Link } from './Link';

/** "By A and B", each name linking to the author's page; nothing without authors. */
export function Byline({ authors, className }: { authors: readonly NameRef[]; className?: string }) {
  if (authors.length === 0) return null;
  return (
    <p className={className}>
      {words().by(authors.length)}{' '}
      {bylinePieces(authors.length).map((piece, index) => {
        if ('text' in piece) return piece.text;
        const author = authors[piece.name]!;
        return (
          <Link key={index} href={authorPagePath(author.slug)} className="font-semibold hover:underline">
            {author.name}
          </Link>
        );
      })}
    </p>
  );
}
