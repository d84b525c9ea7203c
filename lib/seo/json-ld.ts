import { words } from '@/lib/i18n';
import type {
  BreadcrumbList,
  CollectionPage,
  ItemList,
  NewsArticle,
  NewsMediaOrganization,
  Person,
  ProfilePage,
  SearchAction,
  Thing,
  WebSite,
  WithContext,
} from 'schema-dts';
import { languageAttributes } from '@/lib/language-tags';
import { listingDescription, listingHeading, listingPath, type BylineRef } from '@/lib/listing';
import type { Article, ArticleSummary, SectionRef } from '@/lib/queries/types';
import {
  SITE_DESCRIPTION,
  SITE_LANGUAGE,
  SITE_NAME,
  absoluteUrl,
  articlePath,
  authorPagePath,
  CORRECTIONS_PATH,
  sectionPath,
  siteUrl,
} from '@/lib/site';
import { isoInZone } from '@/lib/time-zone';
import { noteParts } from '@/lib/article-lines';
import { LOGO } from './logo';

const publisherId = () => `${siteUrl()}/#publisher`;
const websiteId = () => `${siteUrl()}/#website`;

/**
 * JSON for a `<script type="application/ld+json">` block. `<`, `>` and `&` are written as
 * JSON escapes so that no text (a headline with `</script>`, say) can end the block or
 * open a comment; U+2028/U+2029 too, for old JavaScript parsers. JSON.parse reads it back unchanged.
 */
export function serializeJsonLd(data: WithContext<Thing> | Array<WithContext<Thing>>): string {
  return JSON.stringify(data).replace(
    /[<>&\u2028\u2029]/gu,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function publisherJsonLd(): NewsMediaOrganization {
  return {
    '@type': 'NewsMediaOrganization',
    '@id': publisherId(),
    name: SITE_NAME,
    url: absoluteUrl('/'),
    logo: { '@type': 'ImageObject', url: absoluteUrl(LOGO.path) },
  };
}

export function breadcrumbJsonLd(trail: ReadonlyArray<{ name: string; path: string }>): WithContext<BreadcrumbList> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: absoluteUrl(crumb.path),
    })),
  };
}

/** The image the site generates for an article or section (its opengraph-image route). */
export const shareImageUrl = (pagePath: string) => absoluteUrl(`${pagePath === '/' ? '' : pagePath}/opengraph-image`);

export function newsArticleJsonLd(article: Article): WithContext<NewsArticle> {
  const path = articlePath(article.section.slug, article.slug);
  const { dateline } = article;
  const { lang: language } = languageAttributes(article.language);
  const corrections = article.notes.filter((note) => note.kind === 'correction');
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': `${absoluteUrl(path)}#article`,
    headline: article.headline,
    description: article.summary,
    url: absoluteUrl(path),
    mainEntityOfPage: { '@type': 'WebPage', '@id': absoluteUrl(path) },
    // In the site's time zone, as the page's <time> elements write them.
    datePublished: isoInZone(new Date(article.publishedAt)),
    dateModified: isoInZone(new Date(article.updatedAt)),
    articleSection: article.section.name,
    wordCount: article.wordCount,
    ...(article.tags.length > 0 ? { keywords: article.tags.map((tag) => tag.name) } : {}),
    // The article's own language (none said when undetermined: lib/language-tags.ts).
    ...(language ? { inLanguage: language } : {}),
    ...(dateline ? { dateline: `${dateline.place}, ${dateline.dateText} (${dateline.source})` } : {}),
    image: [shareImageUrl(path)],
    isAccessibleForFree: true,
    // The byline's people, each with the address of their page; without one, the agency or the site.
    author:
      article.authors.length > 0
        ? article.authors.map((author) => ({
            '@type': 'Person' as const,
            name: author.name,
            url: absoluteUrl(authorPagePath(author.slug)),
          }))
        : dateline
          ? { '@type': 'Organization', name: dateline.source }
          : { '@id': publisherId() },
    publisher: publisherJsonLd(),
    isPartOf: { '@id': websiteId() },
    // Each correction and clarification, in its own words and dated by the import that first
    // carried it (schema.org's CorrectionComment); an editor's note corrects nothing.
    ...(corrections.length > 0
      ? {
          correction: corrections.map((note) => ({
            '@type': 'CorrectionComment' as const,
            text: noteParts(note).text,
            datePublished: isoInZone(new Date(note.datedAt)),
          })),
        }
      : {}),
  };
}

export function articleBreadcrumbJsonLd(article: Pick<Article, 'headline' | 'slug' | 'section'>) {
  return breadcrumbJsonLd([
    { name: SITE_NAME, path: '/' },
    { name: article.section.name, path: sectionPath(article.section.slug) },
    { name: article.headline, path: articlePath(article.section.slug, article.slug) },
  ]);
}

/** What a listing page says of the articles it lists, in its order. */
const itemList = (articles: readonly ArticleSummary[]): ItemList => ({
  '@type': 'ItemList',
  itemListElement: articles.map((article, index) => ({
    '@type': 'ListItem',
    position: index + 1,
    url: absoluteUrl(articlePath(article.section.slug, article.slug)),
    name: article.headline,
  })),
});

export function collectionPageJsonLd(
  section: SectionRef,
  articles: readonly ArticleSummary[],
  pagePath: string,
): WithContext<CollectionPage> {
  return {
    '@context': 'https://schema.org',
    '@type': 'CollectionPage',
    '@id': absoluteUrl(pagePath),
    url: absoluteUrl(pagePath),
    name: `${section.name} · ${SITE_NAME}`,
    description: listingDescription(section),
    inLanguage: SITE_LANGUAGE,
    isPartOf: { '@id': websiteId() },
    publisher: { '@id': publisherId() },
    image: shareImageUrl(sectionPath(section.slug)),
    mainEntity: itemList(articles),
  };
}

/**
 * An author as schema.org's Person: the name and the author's page, whose `@id` every
 * `NewsArticle.author` naming them may share.
 */
export function personJsonLd(author: { slug: string; name: string }): Person {
  const url = absoluteUrl(authorPagePath(author.slug));
  return { '@type': 'Person', '@id': `${url}#person`, name: author.name, url };
}

/**
 * An author's page (a ProfilePage whose main entity is its Person) or a tag's (a
 * CollectionPage `about` the tag, listing its articles), page `pagePath` of the listing.
 */
export function bylinePageJsonLd(
  byline: BylineRef,
  articles: readonly ArticleSummary[],
  pagePath: string,
): WithContext<ProfilePage> | WithContext<CollectionPage> {
  const page = {
    '@context': 'https://schema.org',
    '@id': absoluteUrl(pagePath),
    url: absoluteUrl(pagePath),
    name: `${listingHeading(byline)} · ${SITE_NAME}`,
    description: listingDescription(byline),
    inLanguage: SITE_LANGUAGE,
    isPartOf: { '@id': websiteId() },
    publisher: { '@id': publisherId() },
  } as const;
  if (byline.kind === 'author') {
    return { ...page, '@type': 'ProfilePage', mainEntity: personJsonLd(byline) };
  }
  return {
    ...page,
    '@type': 'CollectionPage',
    about: { '@type': 'Thing', name: byline.name },
    mainEntity: itemList(articles),
  };
}

/** The trail of an author's or tag's page: the site, then the listing. */
export function bylineBreadcrumbJsonLd(byline: BylineRef) {
  return breadcrumbJsonLd([
    { name: SITE_NAME, path: '/' },
    { name: listingHeading(byline), path: listingPath(byline) },
  ]);
}

export function sectionBreadcrumbJsonLd(section: SectionRef) {
  return breadcrumbJsonLd([
    { name: SITE_NAME, path: '/' },
    { name: section.name, path: sectionPath(section.slug) },
  ]);
}

/** The name the search action's URL template gives the reader's words. */
const SEARCH_TERM = 'search_term_string';

/**
 * The site's search, as search engines read it (a sitelinks search box): the URL template
 * of /search and the one value it needs. `query-input` is schema.org's, in Google's short form,
 * which schema-dts does not type.
 */
export function searchActionJsonLd(): SearchAction & { 'query-input': string } {
  return {
    '@type': 'SearchAction',
    target: { '@type': 'EntryPoint', urlTemplate: absoluteUrl(`/search?q={${SEARCH_TERM}}`) },
    'query-input': `required name=${SEARCH_TERM}`,
  };
}

export function webSiteJsonLd(): WithContext<WebSite> {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    '@id': websiteId(),
    name: SITE_NAME,
    url: absoluteUrl('/'),
    description: SITE_DESCRIPTION,
    inLanguage: SITE_LANGUAGE,
    publisher: publisherJsonLd(),
    potentialAction: searchActionJsonLd(),
  };
}

/** The corrections listing's page `pagePath`: a CollectionPage of the site (docs/corrections.md). */
export function correctionsPageJsonLd(pagePath: string): WithContext<CollectionPage> {
  return {
    '@context': 'https://schema.org',
    '@type': 'CollectionPage',
    '@id': absoluteUrl(pagePath),
    url: absoluteUrl(pagePath),
    name: `Corrections · ${SITE_NAME}`,
    description: words().corrections.description(SITE_NAME),
    inLanguage: SITE_LANGUAGE,
    isPartOf: { '@id': websiteId() },
    publisher: { '@id': publisherId() },
    about: { '@type': 'Thing', name: words().corrections.heading, url: absoluteUrl(CORRECTIONS_PATH) },
  };
}
