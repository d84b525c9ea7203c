import { LiveUpdates } from '@/components/LiveUpdates';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Link } from '@/components/Link';
import { ArticleCard, CompactArticleList } from '@/components/ArticleCard';
import { ContinueReading } from '@/components/ContinueReading';
import { LiteLink } from '@/components/LiteLink';
import { JsonLd } from '@/components/JsonLd';
import { words } from '@/lib/i18n';
import { getFrontPage } from '@/lib/queries';
import { FRONT_EDITION } from '@/lib/routes';
import { webSiteJsonLd } from '@/lib/seo/json-ld';
import { pageMetadata } from '@/lib/seo/metadata';
import { SHARE_IMAGE_SIZE, SHARE_IMAGE_TYPE } from '@/lib/seo/share-image';
import { alt as siteImageAlt } from '../../opengraph-image';
import { SITE_DESCRIPTION, SITE_NAME, sectionPath } from '@/lib/site';

// The front page, at / (the server's front door rewrites / here): a dynamic segment whose pages
// are rendered on their first request, so that the build needs no database. Cached like
// every page; the server's front door answers 404 to this address asked for directly.
export const revalidate = 60;
export const dynamicParams = true;
export const generateStaticParams = async (): Promise<Array<{ edition: string }>> => [];

interface Props {
  params: Promise<{ edition: string }>;
}

export function generateMetadata(): Metadata {
  const metadata = pageMetadata({ title: SITE_NAME, description: SITE_DESCRIPTION, path: '/', section: null });
  // The site's share image (app/opengraph-image.tsx) belongs to the root segment, which this page is not in.
  const image = { url: '/opengraph-image', ...SHARE_IMAGE_SIZE, type: SHARE_IMAGE_TYPE, alt: siteImageAlt };
  return {
    ...metadata,
    title: { absolute: SITE_NAME },
    openGraph: { ...metadata.openGraph, images: [image] },
    twitter: { ...metadata.twitter, images: [image] },
  };
}

export default async function FrontPage({ params }: Props) {
  if ((await params).edition !== FRONT_EDITION) notFound();
  const { lead, latest, sections } = await getFrontPage();
  // With enough news, the two stories after the lead sit beneath it, between the lead and the list in size.
  const [top, rest] = latest.length >= 5 ? [latest.slice(0, 2), latest.slice(2)] : [[], latest];
  const { front, continueReading } = words();
  return (
    <>
      <JsonLd data={webSiteJsonLd()} />
      <h1 className="sr-only">{front.heading(SITE_NAME)}</h1>
      <ContinueReading words={continueReading} />
      <LiveUpdates words={words().live} />
      {!lead ? (
        <p className="py-12 font-serif text-xl">{front.empty}</p>
      ) : (
        <div className="grid gap-x-10 pt-6 pb-2 lg:grid-cols-12">
          <div className="lg:col-span-8">
            <section aria-labelledby="lead-heading">
              <h2 id="lead-heading" className="sr-only">
                {front.lead}
              </h2>
              <ArticleCard article={lead} size="lead" />
            </section>
            {top.length > 0 && (
              <section aria-labelledby="top-heading" className="mt-2 border-t border-rule">
                <h2 id="top-heading" className="sr-only">
                  {front.top}
                </h2>
                <ul className="grid gap-x-8 divide-y divide-rule sm:grid-cols-2 sm:divide-y-0">
                  {top.map((article) => (
                    <li key={article.slug}>
                      <ArticleCard article={article} />
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </div>
          {rest.length > 0 && (
            <section
              aria-labelledby="latest-heading"
              className="mt-6 border-t-2 border-strong-rule pt-3 lg:col-span-4 lg:mt-0 lg:border-t-0 lg:border-s lg:border-s-rule lg:ps-8 lg:pt-2"
            >
              <h2 id="latest-heading" className="text-sm font-bold tracking-[0.12em] uppercase">
                {front.latest}
              </h2>
              <CompactArticleList articles={rest} />
            </section>
          )}
        </div>
      )}
      {sections.map(({ section, articles }) => (
        <section key={section.slug} aria-labelledby={`section-${section.slug}`} className="mt-10">
          <h2
            id={`section-${section.slug}`}
            className="border-t-2 border-strong-rule pt-2 font-serif text-2xl font-bold tracking-tight sm:text-3xl"
          >
            <Link href={sectionPath(section.slug)} className="hover:underline">
              {section.name}
            </Link>
          </h2>
          <ul className="grid gap-x-8 divide-y divide-rule sm:grid-cols-2 sm:divide-y-0 lg:grid-cols-4">
            {articles.map((article) => (
              <li key={article.slug}>
                <ArticleCard article={article} showSection={false} />
              </li>
            ))}
          </ul>
        </section>
      ))}
      <LiteLink path="/" className="mt-10" />
    </>
  );
}
