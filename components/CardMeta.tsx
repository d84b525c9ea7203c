import { bylineText } from '@/lib/article-lines';
import type { ArticleSummary } from '@/lib/queries/types';
import { formatNumber, words } from '@/lib/i18n';
import { PublishedTime } from './PublishedTime';

/** A card's line under its headline: the byline (as text: the card's one link is its headline), the date, the reading time. */
export function CardMeta({ article, className }: { article: ArticleSummary; className: string }) {
  return (
    <p className={className}>
      {article.authors.length > 0 && <span className="font-semibold">{bylineText(article.authors)} · </span>}
      <PublishedTime iso={article.publishedAt} format="short" /> ·{' '}
      {words().readingTime(formatNumber(article.readingMinutes))}
    </p>
  );
}
