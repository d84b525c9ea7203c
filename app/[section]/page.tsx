import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArticleCard } from '@/components/ArticleCard';
import { Pagination } from '@/components/Pagination';
import { getSection, getSectionPage } from '@/lib/queries';
import { SITE_NAME, sectionPath } from '@/lib/site';
import { parsePageParam, slugParam } from '@/lib/url-params';

interface Props {
  params: Promise<{ section: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

async function load({ params, searchParams }: Props) {
  const [{ section }, query] = await Promise.all([params, searchParams]);
  const page = parsePageParam(query.page);
  if (!slugParam.safeParse(section).success || page === null) notFound();
  const listing = await getSectionPage(section, page);
  if (!listing) notFound();
  return listing;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { section } = await params;
  if (!slugParam.safeParse(section).success) return {};
  const found = await getSection(section);
  if (!found) return {};
  const page = parsePageParam((await searchParams).page);
  const feed = `${sectionPath(found.slug)}/feed.xml`;
  return {
    title: page && page > 1 ? `${found.name}, page ${page}` : found.name,
    description: `The latest ${found.name} news from ${SITE_NAME}.`,
    alternates: {
      canonical: page && page > 1 ? `${sectionPath(found.slug)}?page=${page}` : sectionPath(found.slug),
      types: {
        'application/rss+xml': [
          { url: feed, title: `${SITE_NAME}: ${found.name}` },
          { url: '/feed.xml', title: `${SITE_NAME}: all articles` },
        ],
      },
    },
  };
}

export default async function SectionPage(props: Props) {
  const { section, articles, page, pageCount } = await load(props);
  return (
    <>
      <div className="flex flex-wrap items-baseline justify-between gap-2 border-b-2 border-neutral-900 pt-6 pb-2">
        <h1 className="font-serif text-4xl font-bold">{section.name}</h1>
        <Link href={`${sectionPath(section.slug)}/feed.xml`} className="text-sm underline">
          Subscribe to this RSS feed
        </Link>
      </div>
      {page > 1 && (
        <p className="mt-2 text-sm text-neutral-600">
          Page {page} of {pageCount}
        </p>
      )}
      <ol className="divide-y divide-neutral-200">
        {articles.map((article) => (
          <li key={article.slug}>
            <ArticleCard article={article} headingLevel="h2" showSection={false} />
          </li>
        ))}
      </ol>
      <Pagination basePath={sectionPath(section.slug)} page={page} pageCount={pageCount} />
    </>
  );
}
