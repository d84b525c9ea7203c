import { sectionPagePath } from '@/lib/site';
import { Link } from './Link';

const linkClass =
  'inline-flex min-h-11 items-center rounded-sm border border-strong-rule px-4 font-semibold hover:bg-ink hover:text-paper';

/** Plain links, rel="prev"/"next": pages work without JavaScript, and crawlers follow them. */
export function Pagination({ sectionSlug, page, pageCount }: { sectionSlug: string; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  return (
    <nav
      aria-label="Pages"
      className="mt-8 grid grid-cols-[1fr_auto_1fr] items-center gap-3 border-t border-rule pt-6 text-sm"
    >
      <div>
        {page > 1 && (
          <Link href={sectionPagePath(sectionSlug, page - 1)} rel="prev" className={linkClass}>
            <span aria-hidden="true">←&nbsp;</span>Newer articles
          </Link>
        )}
      </div>
      <p className="text-center text-muted">
        Page {page} of {pageCount}
      </p>
      <div className="text-right">
        {page < pageCount && (
          <Link href={sectionPagePath(sectionSlug, page + 1)} rel="next" className={linkClass}>
            Older articles<span aria-hidden="true">&nbsp;→</span>
          </Link>
        )}
      </div>
    </nav>
  );
}
