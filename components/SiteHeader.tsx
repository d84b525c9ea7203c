import { Link } from './Link';
import type { SectionRef } from '@/lib/queries/types';
import { ROUTES } from '@/lib/routes';
import { formatDate } from '@/lib/time-zone';
import { words } from '@/lib/i18n';
import { SITE_NAME, sectionPath } from '@/lib/site';
import { ReaderControls } from './ReaderControls';
import { SearchForm } from './SearchForm';
import { SectionNavLink } from './SectionNavLink';

/**
 * The masthead: date, the site's name and the display controls; the search box on a row of its
 * own under them, and on wide screens in the start column (the left, or the right in a right-to-left language) under the date. In reading order
 * (name, controls, search) whatever the screen.
 */
export function SiteHeader({ sections }: { sections: SectionRef[] }) {
  const now = new Date();
  const { nav, reader } = words();
  return (
    <header className="border-b border-strong-rule print:hidden">
      <div className="mx-auto grid max-w-6xl grid-cols-[1fr_auto] items-center gap-x-3 gap-y-3 px-4 py-3 sm:grid-cols-[1fr_auto_1fr] sm:py-6 lg:gap-y-2">
        <p className="hidden text-sm text-muted sm:block lg:col-start-1 lg:row-start-1 lg:self-end">
          <time dateTime={now.toISOString().slice(0, 10)}>{formatDate(now, 'date')}</time>
        </p>
        <Link
          href="/"
          className="min-w-0 font-serif text-[clamp(1.375rem,8vw,1.75rem)] leading-none font-bold tracking-tight sm:text-center sm:text-5xl lg:col-start-2 lg:row-span-2 lg:row-start-1"
        >
          {SITE_NAME}
        </Link>
        <div className="flex justify-end lg:col-start-3 lg:row-span-2 lg:row-start-1">
          <ReaderControls words={reader} />
        </div>
        <SearchForm
          id="site-search"
          place="header"
          className="col-span-full w-full sm:max-w-md sm:justify-self-center lg:col-span-1 lg:col-start-1 lg:row-start-2 lg:max-w-xs lg:justify-self-start"
        />
      </div>
      <nav aria-label={nav.sections} className="border-t border-rule">
        <ul className="mx-auto flex max-w-6xl flex-wrap gap-x-1 px-2 text-sm font-semibold sm:justify-center">
          <li>
            <SectionNavLink href="/" servedFrom={ROUTES.front.internal?.({})}>
              {nav.frontPage}
            </SectionNavLink>
          </li>
          {sections.map((section) => (
            <li key={section.slug}>
              <SectionNavLink href={sectionPath(section.slug)}>{section.name}</SectionNavLink>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
