import { Link } from './Link';
import { words } from '@/lib/i18n';
import { CORRECTIONS_PATH, SITE_DESCRIPTION, SITE_NAME } from '@/lib/site';

export function SiteFooter() {
  const { nav, footer, corrections } = words();
  return (
    <footer className="mt-16 border-t-4 border-double border-strong-rule print:hidden">
      <div className="mx-auto flex max-w-6xl flex-col gap-4 px-4 py-8 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <p className="font-serif text-2xl font-bold">{SITE_NAME}</p>
          <p className="mt-1 max-w-md text-sm text-muted">{SITE_DESCRIPTION}</p>
        </div>
        <ul className="text-sm">
          <li>
            <Link href="/" className="inline-flex min-h-10 items-center underline">
              {nav.frontPage}
            </Link>
          </li>
          <li>
            <Link href={CORRECTIONS_PATH} className="inline-flex min-h-10 items-center underline">
              {corrections.heading}
            </Link>
          </li>
          <li>
            {/* A feed, not a page: the router has nothing to do with it. */}
            <a href="/feed.xml" className="inline-flex min-h-10 items-center underline">
              {footer.rssAll}
            </a>
          </li>
        </ul>
      </div>
    </footer>
  );
}
