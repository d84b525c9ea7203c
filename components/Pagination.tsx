import { Link } from './Link';
import { pageOfText, words } from '@/lib/i18n';

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
  const { pages } = words();
  return (
    <nav
      aria-label={pages.label}
      className="mt-8 flex flex-wrap items-center justify-between gap-3 border-t border-rule pt-6 text-sm sm:grid sm:grid-cols-[1fr_auto_1fr]"
    >
      <div>
        {page > 1 && (
          <Link href={pagePath(page - 1)} rel="prev" className={linkClass}>
            {/* The arrow points back: to the start edge, the right in a right-to-left language. */}
            <span aria-hidden="true" className="inline-block rtl:-scale-x-100">
              ←
            </span>
            &nbsp;
            {previousLabel}
          </Link>
        )}
      </div>
      <p className="text-center text-muted">{pageOfText(page, pageCount)}</p>
      {/* On a narrow screen at a large text size the three wrap: the next page's link stays at the end edge. */}
      <div className="ms-auto text-end">
        {page < pageCount && (
          <Link href={pagePath(page + 1)} rel="next" className={linkClass}>
            {nextLabel}
            &nbsp;
            <span aria-hidden="true" className="inline-block rtl:-scale-x-100">
              →
            </span>
          </Link>
        )}
      </div>
    </nav>
  );
}
