import Link from 'next/link';

const pageHref = (basePath: string, page: number) => (page === 1 ? basePath : `${basePath}?page=${page}`);

export function Pagination({ basePath, page, pageCount }: { basePath: string; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pages" className="mt-6 flex items-center justify-between border-t border-neutral-200 py-4">
      {page > 1 ? (
        <Link href={pageHref(basePath, page - 1)} rel="prev" className="inline-block py-2 font-semibold underline">
          ← Newer articles
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-neutral-600">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={pageHref(basePath, page + 1)} rel="next" className="inline-block py-2 font-semibold underline">
          Older articles →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
