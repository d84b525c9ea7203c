import { CompactArticleList } from '@/components/ArticleCard';
import { Link } from '@/components/Link';
import { Pagination } from '@/components/Pagination';
import { SearchResult } from '@/components/SearchResult';
import { formatNumber, plural, pageOfText, words } from '@/lib/i18n';
import { getLatestArticles, getSearchResults, type SearchResults } from '@/lib/queries';
import { SEARCH_RESULT_CAP, searchPath } from '@/lib/search/query';

/** Latest articles offered when a search finds nothing. */
const LATEST_ON_NO_RESULTS = 5;

/** "12 articles match “harbour”", "1,000+ articles match …", "No articles match …" (in the site's language, lib/i18n). */
export function resultCountText({ query, total, more, nothingToSearch }: SearchResults): string {
  const { search } = words();
  const quoted = search.quoted(query);
  if (nothingToSearch) return search.nothingToSearch(quoted);
  if (more) return search.atLeast(formatNumber(SEARCH_RESULT_CAP), quoted);
  if (total === 0) return search.none(quoted);
  return plural(search.matches, total, quoted);
}

const headingClass = 'border-t-2 border-strong-rule pt-3 text-sm font-bold tracking-[0.12em] uppercase';

/** What a search found: the results, a page at a time, or what to try instead. */
export async function SearchOutcome({ query, page }: { query: string; page: number }) {
  const results = await getSearchResults(query, page);
  const { hits, pageCount, more } = results;
  const { search } = words();
  return (
    <>
      {/* Announced when it changes; on load, the page's title (which carries the count) is. */}
      <div role="status" className="mt-8">
        <h2 id="results-heading" className="font-serif text-2xl font-bold tracking-tight">
          {resultCountText(results)}
        </h2>
        {more && <p className="mt-1 text-sm text-muted">{search.ranked(formatNumber(SEARCH_RESULT_CAP))}</p>}
      </div>
      {hits.length > 0 ? (
        <section aria-labelledby="results-heading">
          {pageCount > 1 && <p className="mt-1 text-sm text-muted">{pageOfText(page, pageCount)}</p>}
          <ol className="mt-2 divide-y divide-rule border-t border-rule">
            {hits.map((hit) => (
              <li key={hit.slug}>
                <SearchResult hit={hit} />
              </li>
            ))}
          </ol>
          <Pagination
            page={page}
            pageCount={pageCount}
            pagePath={(number) => searchPath(query, number)}
            previousLabel={search.previous}
            nextLabel={search.more}
          />
        </section>
      ) : results.total > 0 ? (
        <p className="mt-4">
          {search.endsAt(formatNumber(pageCount))}{' '}
          <Link href={searchPath(query)} className="font-semibold underline">
            {search.backToFirst}
          </Link>
        </p>
      ) : (
        <NothingFound nothingToSearch={results.nothingToSearch} />
      )}
    </>
  );
}

async function NothingFound({ nothingToSearch }: { nothingToSearch: boolean }) {
  const latest = await getLatestArticles(LATEST_ON_NO_RESULTS);
  const { search } = words();
  return (
    <>
      <section aria-labelledby="suggestions-heading" className="mt-6">
        <h2 id="suggestions-heading" className={headingClass}>
          {search.suggestions}
        </h2>
        <ul className="mt-3 list-disc space-y-2 ps-6">
          {nothingToSearch && <li>{search.adviceCommon}</li>}
          <li>{search.adviceSpelling}</li>
          <li>{search.adviceFewer}</li>
          <li>
            {search.adviceOr.before}
            <q>{search.adviceOr.or}</q>
            {search.adviceOr.between}
            <kbd className="font-semibold">{search.adviceOr.example}</kbd>
            {search.adviceOr.after}
          </li>
        </ul>
      </section>
      {latest.length > 0 && (
        <section aria-labelledby="latest-heading" className="mt-10">
          <h2 id="latest-heading" className={headingClass}>
            {search.latest}
          </h2>
          <CompactArticleList articles={latest} />
        </section>
      )}
    </>
  );
}
