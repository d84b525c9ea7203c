import { pageOfText, words } from '@/lib/i18n';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { JsonLd } from '@/components/JsonLd';
import { Link } from '@/components/Link';
import { LiteLink } from '@/components/LiteLink';
import { Pagination } from '@/components/Pagination';
import { PublishedTime } from '@/components/PublishedTime';
import {
  CORRECTIONS_DESCRIPTION,
  CORRECTIONS_HEADING,
  LEGAL_REMOVAL_LINE,
  correctionsFeedAlternates,
  correctionsFeedPath,
} from '@/lib/feeds/corrections';
import { feedAlternates } from '@/lib/feeds/channel';
import { languageAttributes } from '@/lib/language-tags';
import { getCorrectionsPage, type CorrectionEntry } from '@/lib/queries';
import { correctionsPageJsonLd } from '@/lib/seo/json-ld';
import { pageMetadata } from '@/lib/seo/metadata';
import { articlePath, correctionsPagePath } from '@/lib/site';

/**
 * One page of the corrections listing (docs/corrections.md), shared by `/corrections` (page 1)
 * and `/corrections/page/<n>`: every correction and clarification, withdrawal and legal removal,
 * newest first. The front door answers 404 for a page past the last before a request gets here;
 * notFound() is the fallback. Page 1 is a page even with nothing on it.
 */
export function correctionsMetadata(page: number): Metadata {
  const base = pageMetadata({
    title: page > 1 ? `${CORRECTIONS_HEADING}, page ${page}` : CORRECTIONS_HEADING,
    description: CORRECTIONS_DESCRIPTION,
    path: correctionsPagePath(page),
    section: null,
    // The site's own share image: nothing of one article stands for the page.
    image: '/opengraph-image',
  });
  return { ...base, alternates: { ...base.alternates, types: correctionsFeedAlternates(feedAlternates(null)) } };
}

function Entry({ entry }: { entry: CorrectionEntry }) {
  const { corrections, gone } = words();
  if (entry.kind === 'legal-removal') {
    return (
      <>
        <h2 className="font-serif text-xl font-bold">{LEGAL_REMOVAL_LINE}</h2>
        <p className="mt-1 text-sm text-muted">
          {corrections.removed} <PublishedTime iso={entry.at} format="date" />
          {entry.liftedAt && (
            <>
              {` · ${corrections.lifted} `}
              <PublishedTime iso={entry.liftedAt} format="date" />
            </>
          )}
        </p>
        <p className="mt-2">
          {corrections.reason} {entry.reason}
        </p>
      </>
    );
  }
  const path = articlePath(entry.article.section.slug, entry.article.slug);
  if (entry.kind === 'withdrawal') {
    return (
      <>
        <h2 {...languageAttributes(entry.article.language)} className="font-serif text-xl font-bold">
          {/* Its address answers 410 now: a plain link, which the router neither prefetches nor renders. */}
          <a href={path} className="block underline">
            {entry.article.headline}
          </a>
        </h2>
        <p className="mt-1 text-sm text-muted">
          <span className="font-semibold text-accent">{gone.withdrawn}</span> ·{' '}
          <PublishedTime iso={entry.at} format="date" />
        </p>
        <p className="mt-2">
          {corrections.reason} {entry.reason}
        </p>
      </>
    );
  }
  return (
    <>
      <h2 {...languageAttributes(entry.article.language)} className="font-serif text-xl font-bold">
        <Link href={path} className="block underline">
          {entry.article.headline}
        </Link>
      </h2>
      <p className="mt-1 text-sm text-muted">
        <span className="font-semibold text-accent">{entry.label}</span> ·{' '}
        <PublishedTime iso={entry.at} format="date" />
      </p>
      <p {...languageAttributes(entry.article.language)} className="mt-2">
        {entry.text}
      </p>
    </>
  );
}

export async function CorrectionsListing({ page: pageNumber }: { page: number }) {
  const listing = await getCorrectionsPage(pageNumber);
  if (!listing) notFound();
  const { entries, page, pageCount } = listing;
  return (
    <>
      <JsonLd data={correctionsPageJsonLd(correctionsPagePath(page))} />
      <div className="flex flex-wrap items-end justify-between gap-x-6 gap-y-2 border-b-2 border-strong-rule pt-8 pb-3">
        <h1 className="font-serif text-4xl leading-none font-bold tracking-tight sm:text-5xl">{CORRECTIONS_HEADING}</h1>
        {/* A feed, not a page: a plain link, which the router neither prefetches nor intercepts. */}
        <a
          href={correctionsFeedPath('rss')}
          className="inline-flex min-h-10 items-center gap-2 text-sm font-semibold underline"
        >
          <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5 fill-accent">
            <circle cx="3" cy="13" r="2" />
            <path d="M1 6.5a8.5 8.5 0 0 1 8.5 8.5H7.3A6.3 6.3 0 0 0 1 8.7zM1 1.5A13.5 13.5 0 0 1 14.5 15h-2.2A11.3 11.3 0 0 0 1 3.7z" />
          </svg>
          {words().listing.rss}
        </a>
      </div>
      <div className="max-w-3xl">
        <p className="mt-3 text-muted">{words().corrections.intro}</p>
        {page > 1 && <p className="mt-3 text-sm text-muted">{pageOfText(page, pageCount)}</p>}
        {entries.length === 0 ? (
          <p className="mt-8 font-serif text-xl">{words().corrections.none}</p>
        ) : (
          <ol className="divide-y divide-rule">
            {entries.map((entry, index) => (
              <li key={index} className="py-5">
                <Entry entry={entry} />
              </li>
            ))}
          </ol>
        )}
        <Pagination
          page={page}
          pageCount={pageCount}
          pagePath={correctionsPagePath}
          previousLabel={words().pages.newerEntries}
          nextLabel={words().pages.olderEntries}
        />
        <LiteLink path={correctionsPagePath(page)} className="mt-8" />
      </div>
    </>
  );
}
