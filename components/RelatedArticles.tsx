import { Link } from './Link';
import type { ArticleSummary } from '@/lib/queries/types';
import { words } from '@/lib/i18n';
import { languageAttributes } from '@/lib/language-tags';
import { articlePath } from '@/lib/site';
import { CardMeta } from './CardMeta';

/** Further reading, as a plain list: the page's one <article> stays the story being read. */
export function RelatedArticles({ articles }: { articles: ArticleSummary[] }) {
  if (articles.length === 0) return null;
  return (
    <section aria-labelledby="related-heading" className="mt-10 print:hidden">
      <h2
        id="related-heading"
        className="border-t-2 border-strong-rule pt-3 text-sm font-bold tracking-[0.12em] uppercase"
      >
        {words().article.related}
      </h2>
      <ul className="mt-2 grid gap-x-8 sm:grid-cols-2">
        {articles.map((article) => (
          <li key={article.slug} {...languageAttributes(article.language)} className="border-b border-rule py-4">
            <p className="mb-1 text-xs font-bold tracking-[0.12em] text-accent uppercase">{article.section.name}</p>
            <h3 className="font-serif text-lg leading-snug font-bold text-balance">
              <Link href={articlePath(article.section.slug, article.slug)} className="block hover:underline">
                {article.headline}
              </Link>
            </h3>
            <CardMeta article={article} className="mt-1 text-xs text-muted" />
          </li>
        ))}
      </ul>
    </section>
  );
}
