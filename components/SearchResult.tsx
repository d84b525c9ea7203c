import { bylineText } from '@/lib/article-lines';
import { languageAttributes } from '@/lib/language-tags';
import type { SearchHit } from '@/lib/queries/types';
import type { HighlightedText } from '@/lib/search/highlight';
import { articlePath } from '@/lib/site';
import { Highlighted } from './Highlighted';
import { Link } from './Link';
import { PublishedTime } from './PublishedTime';

const startsMidSentence = (fragment: HighlightedText | undefined) => /^\p{Ll}/u.test(fragment?.[0]?.text ?? '');

/** One article found by search: section, headline and passages of its text, the matched words marked. */
export function SearchResult({ hit }: { hit: SearchHit }) {
  return (
    <article {...languageAttributes(hit.language)} className="py-4">
      <p className="mb-1 text-xs font-bold tracking-[0.12em] text-accent uppercase">{hit.section.name}</p>
      <h3 className="font-serif text-xl leading-snug font-bold tracking-tight text-balance sm:text-[1.375rem]">
        <Link href={articlePath(hit.section.slug, hit.slug)} className="block hover:underline">
          <Highlighted segments={hit.headlineHighlighted} />
        </Link>
      </h3>
      {hit.snippet.length > 0 && (
        <p className="mt-2 font-serif text-muted">
          {/* Passages from within the text: an ellipsis where the text goes on (a sentence's start shows none). */}
          {startsMidSentence(hit.snippet[0]) && '… '}
          {hit.snippet.map((fragment, index) => (
            <span key={index}>
              <Highlighted segments={fragment} />
              {' … '}
            </span>
          ))}
        </p>
      )}
      <p className="mt-2 text-xs text-muted">
        {hit.authors.length > 0 && <span className="font-semibold">{bylineText(hit.authors)} · </span>}
        <PublishedTime iso={hit.publishedAt} format="short" />
      </p>
    </article>
  );
}
