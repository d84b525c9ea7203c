import { CompactArticleList } from '@/components/ArticleCard';
import { Link } from '@/components/Link';
import { Pagination } from '@/components/Pagination';
import { SearchResult } from '@/components/SearchResult';
import { getLatestArticles, getSearchResults, type SearchResults } from '@/lib/queries';
import { SEARCH_RESULT_CAP, searchPath } from '@/lib/search/query';

/** Latest articles offered when a search finds nothing. */
const LATEST_ON_NO_RESULTS = 5;
const count = new Intl.NumberFormat('en');

/** "12 articles match “harbour”", "1,000+ articles match …", "No articles match …". */
export function resultCountText({ query, total, more, nothingToSearch }: SearchResults): string {
  const quoted = `“${query}”`;
  if (nothingToSearch) return `Nothing to look for in ${quoted}`;
  if (more) return `${count.format(SEARCH_RESULT_CAP)}+ articles match ${quoted}`;
  if (total === 0) return `No articles match ${quoted}`;
  return `${count.format(total)} ${total === 1 ? 'article matches' : 'articles match'} ${quoted}`;
}

const headingClass = 'border-t-2 border-strong-rule pt-3 text-sm font-bold tracking-[0.12em] uppercase';

/** What a search found: the results, a page at a time, or what to try instead. */
export async function SearchOutcome({ query, page }: { query: string; page: number }) {
  const results = await getSearchResults(query, page);
  const { hits, pageCount, more } = results;
  return (
    <>
      {/* Announced when it changes; on load, the page's title (which carries the count) is. */}
      <div role="status" className="mt-8">
        <h2 id="results-heading" className="font-serif text-2xl font-bold tracking-tight">
          {resultCountText(results)}
        </h2>
        {more && (
          <p className="mt-1 text-sm text-muted">
            The newest {count.format(SEARCH_RESULT_CAP)} of them are ranked here. Add words to find fewer.
          </p>
        )}
      </div>
      {hits.length > 0 ? (
        <section aria-labelledby="results-heading">
          {pageCount > 1 && (
            <p className="mt-1 text-sm text-muted">
              Page {page} of {pageCount}
            </p>
          )}
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
            previousLabel="Previous results"
            nextLabel="More results"
          />
        </section>
      ) : results.total > 0 ? (
        <p className="mt-4">
          These results end at page {pageCount}.{' '}
          <Link href={searchPath(query)} className="font-semibold underline">
            Back to the first page of results
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
  return (
    <>
      <section aria-labelledby="suggestions-heading" className="mt-6">
        <h2 id="suggestions-heading" className={headingClass}>
          Suggestions
        </h2>
        <ul className="mt-3 list-disc space-y-2 pl-6">
          {nothingToSearch && (
            <li>
              Use words that say what the article is about: very common words (the, of, and) are not searched for, and a
              word with a minus sign (-word) only leaves articles out.
            </li>
          )}
          <li>Check the spelling of each word.</li>
          <li>Use fewer words, or more general ones: every word must be in an article for it to match.</li>
          <li>
            Look for any of several words with <q>or</q>: <kbd className="font-semibold">harbour or port</kbd>.
          </li>
        </ul>
      </section>
      {latest.length > 0 && (
        <section aria-labelledby="latest-heading" className="mt-10">
          <h2 id="latest-heading" className={headingClass}>
            Latest articles
          </h2>
          <CompactArticleList articles={latest} />
        </section>
      )}
    </>
  );
}
