import type { Metadata } from 'next';
import { SearchForm } from '@/components/SearchForm';
import { getSearchResults } from '@/lib/queries';
import { normalizeSearchQuery, searchPageParam, SEARCH_QUERY_MAX_LENGTH } from '@/lib/search/query';
import { formatNumber, words } from '@/lib/i18n';
import { SITE_NAME } from '@/lib/site';
import { SearchOutcome, resultCountText } from './search-results';

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * /search?q=…&page=N. Reading the query makes the page render per request (the server's front
 * door sends it with a private, short Cache-Control: its entry in lib/routes.ts); its results come from a
 * bounded cache that imports empty (lib/queries/search-cache.ts). Never indexed by search engines.
 */
async function readParams(searchParams: Props['searchParams']) {
  const params = await searchParams;
  return { ...normalizeSearchQuery(params.q), page: searchPageParam(params.page) };
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { text, page } = await readParams(searchParams);
  const robots = { index: false, follow: true };
  const { search } = words();
  if (!text) return { title: search.title, description: search.description(SITE_NAME), robots };
  // The title is what a screen reader announces first when the page loads: it carries the count.
  const results = await getSearchResults(text, page);
  const where =
    results.pageCount > 1 && page <= results.pageCount
      ? search.titlePage(formatNumber(page), formatNumber(results.pageCount))
      : '';
  return { title: search.titleWithCount(resultCountText(results), where), robots };
}

export default async function SearchPage({ searchParams }: Props) {
  const { text, cut, page } = await readParams(searchParams);
  const { search } = words();
  return (
    <div className="mx-auto max-w-3xl pt-6 sm:pt-10">
      <h1 className="font-serif text-4xl leading-none font-bold tracking-tight sm:text-5xl">{search.title}</h1>
      <SearchForm id="search-page-q" place="page" query={text} className="mt-6" />
      {cut && <p className="mt-3 text-sm text-muted">{search.cut(formatNumber(SEARCH_QUERY_MAX_LENGTH))}</p>}
      {text && <SearchOutcome query={text} page={page} />}
    </div>
  );
}
