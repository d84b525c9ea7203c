import type { Metadata } from 'next';
import { Link } from '@/components/Link';
import { notFound } from 'next/navigation';
import { ArticleBody } from '@/components/ArticleBody';
import { ChangedSinceRead } from '@/components/ChangedSinceRead';
import { ArticleCorrections } from '@/components/ArticleCorrections';
import { ArticleNotes } from '@/components/ArticleNotes';
import { ArticleTags } from '@/components/ArticleTags';
import { Byline } from '@/components/Byline';
import { JsonLd } from '@/components/JsonLd';
import { ListenToArticle } from '@/components/ListenToArticle';
import { LiveUpdates } from '@/components/LiveUpdates';
import { LiteLink } from '@/components/LiteLink';
import { PublishedTime } from '@/components/PublishedTime';
import { ReadingPosition } from '@/components/ReadingPosition';
import { RelatedArticles } from '@/components/RelatedArticles';
import { SaveForOffline } from '@/components/SaveForOffline';
import { formatLocale, formatNumber, words } from '@/lib/i18n';
import { SectionNeighbours } from '@/components/SectionNeighbours';
import { ShareButton } from '@/components/ShareButton';
import { languageAttributes, siteWordsWithin } from '@/lib/language-tags';
import { RELATED_LIMIT, getArticleIn, getArticleLists } from '@/lib/queries';
import { articleBreadcrumbJsonLd, newsArticleJsonLd } from '@/lib/seo/json-ld';
import { pageMetadata } from '@/lib/seo/metadata';
import { pageParams, pagePlacement } from '@/lib/route-params';
import { ROUTES } from '@/lib/routes';
import { SITE_LANGUAGE, absoluteUrl, articlePath, sectionPath } from '@/lib/site';

interface Props {
  params: Promise<{ section: string; article: string }>;
}

// Rendered on its first request, then served from Next's cache until an import expires
// it (or 60 s pass: REVALIDATE_SECONDS in lib/cache-tags.ts). Nothing is built ahead.
export const revalidate = 60;
export const dynamicParams = true;
export const generateStaticParams = async (): Promise<Array<{ section: string; article: string }>> => [];

/** The article, or a 404; under the wrong section, a 308 to its own URL (old URLs of moved articles). */
async function load({ params }: Props) {
  const where = await pageParams(ROUTES.article, params);
  const article = await getArticleIn(where.section, where.article);
  if (!article) notFound();
  pagePlacement(ROUTES.article, where, article.section.slug);
  return article;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const article = await load(props);
  return pageMetadata({
    title: article.headline,
    description: article.summary,
    path: articlePath(article.section.slug, article.slug),
    section: article.section,
    article,
  });
}

export default async function ArticlePage(props: Props) {
  // The neighbours and related articles need only the slug: they are read while the article is.
  const lists = getArticleLists((await props.params).article, RELATED_LIMIT + 2);
  // Not awaited when the article is missing or lives elsewhere (a 404 or a redirect instead).
  lists.catch(() => undefined);
  const article = await load(props);
  const { neighbours, related: candidates } = await lists;
  // The previous and next articles are linked just above: the related list offers others.
  const linked = new Set([neighbours.previous?.slug, neighbours.next?.slug]);
  const related = candidates.filter((candidate) => !linked.has(candidate.slug)).slice(0, RELATED_LIMIT);
  const path = articlePath(article.section.slug, article.slug);
  const url = absoluteUrl(path);
  const lastRevision = article.revisions[0];
  const text = words();
  const siteWords = siteWordsWithin(article.language, SITE_LANGUAGE);
  return (
    <div className="mx-auto max-w-3xl pt-6 sm:pt-10">
      <JsonLd data={[newsArticleJsonLd(article), articleBreadcrumbJsonLd(article)]} />
      {/* data-version: the version shown (1, the first published; +1 for each correction), read by the service worker for /saved. */}
      <article {...languageAttributes(article.language)} data-version={article.revisions.length + 1}>
        <p className="text-xs font-bold tracking-[0.14em] text-accent uppercase print:hidden">
          <Link href={sectionPath(article.section.slug)} className="inline-flex min-h-6 items-center hover:underline">
            {article.section.name}
          </Link>
        </p>
        <h1 className="mt-2 font-serif text-[2.125rem] leading-[1.08] font-bold tracking-tight text-balance sm:text-5xl">
          {article.headline}
        </h1>
        <Byline authors={article.authors} className="mt-4 text-base" />
        <div className="mt-5 flex flex-wrap items-center justify-between gap-3 border-y border-rule py-3">
          <p {...siteWords} className="flex flex-wrap gap-x-2 text-sm text-muted">
            <PublishedTime iso={article.publishedAt} />
            {lastRevision && (
              <>
                <span aria-hidden="true">·</span>
                <span>
                  {text.article.updated} <PublishedTime iso={lastRevision.revisedAt} />
                </span>
              </>
            )}
            <span aria-hidden="true" className="print:hidden">
              ·
            </span>
            <span className="print:hidden">{text.readingTime(formatNumber(article.readingMinutes))}</span>
          </p>
          <div className="flex flex-wrap items-center gap-3">
            <SaveForOffline
              path={path}
              headline={article.headline}
              section={article.section.name}
              words={text.offline}
              language={article.language}
            />
            <ShareButton title={article.headline} url={url} words={text.share} />
            <ListenToArticle words={text.listen} />
          </div>
        </div>
        <ChangedSinceRead
          path={path}
          version={article.revisions.length + 1}
          changesSince={article.revisions.map((revision) => revision.changesSince).reverse()}
          words={text.sinceRead}
          locale={formatLocale()}
        />
        <ArticleNotes notes={article.notes} />
        <ArticleCorrections revisions={article.revisions} section={article.section.slug} slug={article.slug} />
        <ReadingPosition path={path} headline={article.headline} />
        <ArticleBody article={article} />
        <ArticleTags tags={article.tags} />
        <p className="mt-10 text-sm print:hidden">
          <span {...siteWords}>
            {text.article.publishedIn}{' '}
            <Link href={sectionPath(article.section.slug)} className="font-semibold underline">
              {article.section.name}
            </Link>
          </span>
        </p>
        <LiteLink path={path} className="mt-3" />
        <p className="mt-8 hidden text-sm print:block">{url}</p>
      </article>
      <SectionNeighbours section={article.section} neighbours={neighbours} />
      <RelatedArticles articles={related} />
      <LiveUpdates words={text.live} />
    </div>
  );
}
