import { LiveUpdates } from '@/components/LiveUpdates';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleCard } from '@/components/ArticleCard';
import { JsonLd } from '@/components/JsonLd';
import { LiteLink } from '@/components/LiteLink';
import { Pagination } from '@/components/Pagination';
import { feedPath } from '@/lib/feeds/channel';
import { listingHeading, listingPath, type ListingRef } from '@/lib/listing';
import { formatNumber, pageOfText, words } from '@/lib/i18n';
import { getSection, getSectionPage } from '@/lib/queries';
import type { ArticleSummary } from '@/lib/queries/types';
import { collectionPageJsonLd, sectionBreadcrumbJsonLd } from '@/lib/seo/json-ld';
import { pageMetadata } from '@/lib/seo/metadata';
import { SITE_NAME, sectionPagePath } from '@/lib/site';

/**
 * One page of a section's listing, shared by `/<section>` (page 1) and
 * `/<section>/page/<n>`, whose pages parse the slug and number (lib/route-params.ts). The
 * server's front door answers 404 for sections and pages that do not exist before a request
 * gets here; notFound() is the fallback.
 */
async function load(slug: string, page: number) {
  const listing = await getSectionPage(slug, page);
  if (!listing) notFound();
  return listing;
}

export async function sectionListingMetadata(slug: string, page: number): Promise<Metadata> {
  const found = await getSection(slug);
  if (!found) return {};
  return pageMetadata({
    title: page > 1 ? words().listing.titlePage(found.name, formatNumber(page)) : found.name,
    description: words().listing.sectionDescription(found.name, SITE_NAME),
    // A later page of a listing is its own canonical page (it lists other articles).
    path: sectionPagePath(found.slug, page),
    section: found,
  });
}

export async function SectionListing({ slug, page: pageNumber }: { slug: string; page: number }) {
  const { section, articles, page, pageCount } = await load(slug, pageNumber);
  return (
    <>
      <Listing
        listing={section}
        articles={articles}
        page={page}
        pageCount={pageCount}
        showSection={false}
        jsonLd={[
          collectionPageJsonLd(section, articles, sectionPagePath(section.slug, page)),
          sectionBreadcrumbJsonLd(section),
        ]}
      />
      {/* The newest page learns of new and changed articles; a later one shifts with every one. */}
      {page === 1 && <LiveUpdates words={words().live} />}
    </>
  );
}

/**
 * One page of any listing of articles, newest first: a section's, an author's, a tag's. Its
 * heading and feed link, the page's place among its pages, the cards, the pagination and the
 * lite twin's link; the page's structured data as given.
 */
export function Listing({
  listing,
  articles,
  page,
  pageCount,
  showSection,
  jsonLd,
}: {
  listing: ListingRef;
  articles: readonly ArticleSummary[];
  page: number;
  pageCount: number;
  /** Whether each card names its section (not on a section's own listing). */
  showSection: boolean;
  jsonLd: Parameters<typeof JsonLd>[0]['data'];
}) {
  const { listing: listingWords, pages } = words();
  return (
    <>
      <JsonLd data={jsonLd} />
      <div className="flex flex-wrap items-end justify-between gap-x-6 gap-y-2 border-b-2 border-strong-rule pt-8 pb-3">
        <h1 className="font-serif text-4xl leading-none font-bold tracking-tight sm:text-5xl">
          {listingHeading(listing)}
        </h1>
        {/* A feed, not a page: a plain link, which the router neither prefetches nor intercepts. */}
        <a
          href={feedPath('rss', listing)}
          className="inline-flex min-h-10 items-center gap-2 text-sm font-semibold underline"
        >
          <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5 fill-accent">
            <circle cx="3" cy="13" r="2" />
            <path d="M1 6.5a8.5 8.5 0 0 1 8.5 8.5H7.3A6.3 6.3 0 0 0 1 8.7zM1 1.5A13.5 13.5 0 0 1 14.5 15h-2.2A11.3 11.3 0 0 0 1 3.7z" />
          </svg>
          {listingWords.rss}
        </a>
      </div>
      {page > 1 && <p className="mt-3 text-sm text-muted">{pageOfText(page, pageCount)}</p>}
      <ol className="max-w-3xl divide-y divide-rule">
        {articles.map((article, index) => (
          <li key={article.slug}>
            <ArticleCard
              article={article}
              headingLevel="h2"
              showSection={showSection}
              size={page === 1 && index === 0 ? 'lead' : 'normal'}
            />
          </li>
        ))}
      </ol>
      <div className="max-w-3xl">
        <Pagination
          page={page}
          pageCount={pageCount}
          pagePath={(number) => listingPath(listing, number)}
          previousLabel={pages.newer}
          nextLabel={pages.older}
        />
        <LiteLink path={listingPath(listing, page)} className="mt-8" />
      </div>
    </>
  );
}
