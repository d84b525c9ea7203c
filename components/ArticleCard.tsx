import { Link } from './Link';
import type { ArticleSummary } from '@/lib/queries/types';
import { languageAttributes } from '@/lib/language-tags';
import { articlePath } from '@/lib/site';
import { CardMeta } from './CardMeta';

const headlineSize = {
  lead: 'text-[2rem] leading-[1.08] sm:text-5xl',
  normal: 'text-xl leading-snug sm:text-[1.375rem]',
  compact: 'text-lg leading-snug',
} as const;

/** One story in a listing: the headline links to it; the lead gets the biggest type and its summary at length. */
export function ArticleCard({
  article,
  headingLevel = 'h3',
  size = 'normal',
  showSection = true,
}: {
  article: ArticleSummary;
  headingLevel?: 'h2' | 'h3';
  size?: keyof typeof headlineSize;
  showSection?: boolean;
}) {
  const Heading = headingLevel;
  return (
    <article {...languageAttributes(article.language)} className={size === 'lead' ? 'pt-5 pb-4' : 'py-4'}>
      {showSection && (
        <p className="mb-1 text-xs font-bold tracking-[0.12em] text-accent uppercase">{article.section.name}</p>
      )}
      <Heading className={`font-serif font-bold tracking-tight text-balance ${headlineSize[size]}`}>
        <Link href={articlePath(article.section.slug, article.slug)} className="block hover:underline">
          {article.headline}
        </Link>
      </Heading>
      {size !== 'compact' && (
        <p className={`mt-2 font-serif text-muted ${size === 'lead' ? 'text-lg leading-relaxed sm:text-xl' : ''}`}>
          {article.summary}
        </p>
      )}
      <CardMeta article={article} className="mt-2 text-xs text-muted" />
    </article>
  );
}

/** Stories in order, one compact card each, between rules: the "Latest" lists. */
export function CompactArticleList({ articles }: { articles: readonly ArticleSummary[] }) {
  return (
    <ol className="divide-y divide-rule">
      {articles.map((article) => (
        <li key={article.slug}>
          <ArticleCard article={article} size="compact" />
        </li>
      ))}
    </ol>
  );
}
