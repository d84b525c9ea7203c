import { Link } from './Link';

const linkClass =
  'inline-flex min-h-11 items-center rounded-sm border border-strong-rule px-4 font-semibold hover:bg-ink hover:text-paper';

/**
 * Plain links, rel="prev"/"next": pages work without JavaScript, and crawlers follow them.
 * `pagePath` gives each page's address (a section's `/<section>/page/N`, a search's `?page=N`).
 */
export function Pagination({
  page,
  pageCount,
  pagePath,
  previousLabel,
  nextLabel,
}: {
  page: number;
  pageCount: number;
  pagePath: (page: number) => string;
  previousLabel: string;
  nextLabel: string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav
      aria-label="Pages"
      className="mt-8 flex flex-wrap items-center justify-between gap-3 border-t border-rule pt-6 text-sm sm:grid sm:grid-cols-[1fr_auto_1fr]"
    >
      <div>
        {page > 1 && (
          <Link href={pagePath(page - 1)} rel="prev" className={linkClass}>
            <span aria-hidden="true">←&nbsp;</span>
            {previousLabel}
          </Link>
        )}
      </div>
      <p className="text-center text-muted">
        Page {page} of {pageCount}
      </p>
      {/* On a narrow screen at a large text size the three wrap: the next page's link stays at the right. */}
      <div className="ml-auto text-right">
        {page < pageCount && (
          <Link href={pagePath(page + 1)} rel="next" className={linkClass}>
            {nextLabel}
            <span aria-hidden="true">&nbsp;→</span>
          </Link>
        )}
      </div>
    </nav>
  );
}
