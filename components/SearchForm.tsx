import { words } from '@/lib/i18n';
import { SEARCH_QUERY_MAX_LENGTH } from '@/lib/search/query';

/**
 * A plain GET form to /search: it works without JavaScript, and the address of the results
 * is a link a reader can keep or share. The header's box has a label for screen readers (its
 * button says "Search" beside it); the search page's box has a visible one.
 */
export function SearchForm({
  id,
  query = '',
  place,
  className = '',
}: {
  id: string;
  query?: string;
  place: 'header' | 'page';
  className?: string;
}) {
  const header = place === 'header';
  const { search } = words();
  return (
    <form
      role="search"
      method="get"
      action="/search"
      aria-label={header ? search.headerForm : search.pageForm}
      className={className}
    >
      <label htmlFor={id} className={header ? 'sr-only' : 'mb-2 block text-sm font-semibold'}>
        {header ? search.headerLabel : search.pageLabel}
      </label>
      <div className="flex">
        <input
          id={id}
          type="search"
          name="q"
          defaultValue={query}
          maxLength={SEARCH_QUERY_MAX_LENGTH}
          enterKeyHint="search"
          autoComplete="off"
          className={`min-h-10 w-full min-w-0 flex-1 rounded-s-sm border border-e-0 border-strong-rule bg-paper px-3 text-base text-ink placeholder:text-muted ${header ? '' : 'sm:min-h-12 sm:text-lg'}`}
        />
        <button
          type="submit"
          className={`min-h-10 shrink-0 cursor-pointer rounded-e-sm border border-strong-rule bg-ink px-4 text-sm font-semibold text-paper hover:bg-accent hover:border-accent ${header ? '' : 'sm:min-h-12 sm:px-6 sm:text-base'}`}
        >
          {search.button}
        </button>
      </div>
    </form>
  );
}
