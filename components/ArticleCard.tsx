import Link from 'next/link';
import type { ArticleSummary } from '@/lib/queries/types';
import { articlePath } from '@/lib/site';
import { PublishedTime } from './PublishedTime';

export function ArticleCard({
  article,
  headingLevel = 'h3',
  size = 'normal',
  showSection = true,
}: {
  article: ArticleSummary;
  headingLevel?: 'h2' | 'h3';
  size?: 'lead' | 'normal';
  showSection?: boolean;
}) {
  const Heading = headingLevel;
  return (
    <article className="py-4">
      {showSection && <p className="text-xs font-bold uppercase tracking-wide text-red-800">{article.section.name}</p>}
      <Heading className={`font-serif font-bold leading-tight ${size === 'lead' ? 'text-3xl sm:text-4xl' : 'text-xl'}`}>
        <Link href={articlePath(article.section.slug, article.slug)} className="hover:underline">
          {article.headline}
        </Link>
      </Heading>
      <p className={`mt-2 text-neutral-700 ${size === 'lead' ? 'text-lg' : ''}`}>{article.summary}</p>
      <p className="mt-2 text-sm text-neutral-600">
        <PublishedTime iso={article.publishedAt} /> · {article.readingMinutes} min read
      </p>
    </article>
  );
}
