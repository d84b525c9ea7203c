import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, permanentRedirect } from 'next/navigation';
import { ArticleBody } from '@/components/ArticleBody';
import { PublishedTime } from '@/components/PublishedTime';
import { getArticle } from '@/lib/queries';
import { articlePath, sectionPath } from '@/lib/site';
import { slugParam } from '@/lib/url-params';

interface Props {
  params: Promise<{ section: string; article: string }>;
}

/** The article, or a 404; under the wrong section, a 308 to its own URL (old URLs of moved articles). */
async function load({ params }: Props) {
  const { section, article: slug } = await params;
  if (!slugParam.safeParse(slug).success) notFound();
  const article = await getArticle(slug);
  if (!article) notFound();
  if (article.section.slug !== section) permanentRedirect(articlePath(article.section.slug, article.slug));
  return article;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const article = await load(props);
  return {
    title: article.headline,
    description: article.summary,
    alternates: { canonical: articlePath(article.section.slug, article.slug) },
  };
}

export default async function ArticlePage(props: Props) {
  const article = await load(props);
  return (
    <article className="mx-auto max-w-2xl py-6">
      <p className="text-sm font-bold uppercase tracking-wide text-red-800">
        <Link href={sectionPath(article.section.slug)}>{article.section.name}</Link>
      </p>
      <h1 className="mt-2 font-serif text-3xl leading-tight font-bold sm:text-4xl">{article.headline}</h1>
      <p className="mt-4 flex flex-wrap gap-x-3 text-sm text-neutral-600">
        <PublishedTime iso={article.publishedAt} />
        <span aria-hidden="true">·</span>
        <span>{article.readingMinutes} min read</span>
      </p>
      <ArticleBody article={article} />
      <p className="mt-10 border-t border-neutral-200 pt-4 text-sm">
        Published in{' '}
        <Link href={sectionPath(article.section.slug)} className="font-semibold underline">
          {article.section.name}
        </Link>
      </p>
    </article>
  );
}
