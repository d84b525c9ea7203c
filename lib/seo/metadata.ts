import type { Metadata } from 'next';
import { feedAlternates } from '@/lib/feeds/channel';
import type { ListingRef } from '@/lib/listing';
import { languageAttributes } from '@/lib/language-tags';
import type { Article } from '@/lib/queries/types';
import { SITE_DESCRIPTION, SITE_LANGUAGE, SITE_NAME, absoluteUrl, siteUrl } from '@/lib/site';

interface PageMetadataInput {
  /** The page's own title; the layout's template adds the site name to `<title>`. */
  title: string;
  description: string;
  /** Path (and query, for later pages of a listing) of the page's one canonical URL. */
  path: string;
  /** The listing (a section, an author, a tag) whose feeds the page advertises beside the site's. */
  section: ListingRef | null;
  article?: Pick<Article, 'publishedAt' | 'updatedAt' | 'section' | 'language'>;
  /**
   * The path of its share image, for a page below the segment whose opengraph-image draws it (a
   * later page of an author's listing): Next gives a page the image file of its own segment only.
   * An image file of the page's own segment takes precedence over it.
   */
  image?: string;
}

/**
 * og:locale of an article's page: the language its title and description are in (Open Graph
 * writes a region with an underscore, `pt_BR`), the site's when it is undetermined.
 */
export function openGraphLocale(language: string): string {
  return (languageAttributes(language).lang ?? SITE_LANGUAGE).replace('-', '_');
}

/**
 * Canonical URL, feed links, Open Graph and Twitter card of one page. Next.js merges
 * metadata objects shallowly, so each page gets complete `alternates` and `openGraph`
 * objects; og:image comes from the nearest opengraph-image route.
 */
export function pageMetadata({ title, description, path, section, article, image }: PageMetadataInput): Metadata {
  const url = absoluteUrl(path);
  const images = image ? { images: [{ url: absoluteUrl(image), width: 1200, height: 630 }] } : {};
  return {
    title,
    description,
    alternates: { canonical: url, types: feedAlternates(section) },
    openGraph: {
      siteName: SITE_NAME,
      locale: article ? openGraphLocale(article.language) : SITE_LANGUAGE,
      url,
      title,
      description,
      ...images,
      ...(article
        ? {
            type: 'article',
            publishedTime: article.publishedAt,
            modifiedTime: article.updatedAt,
            section: article.section.name,
          }
        : { type: 'website' }),
    },
    twitter: { card: 'summary_large_image', title, description, ...images },
  };
}

/** What every page inherits from the root layout. */
export function siteMetadata(): Metadata {
  return {
    metadataBase: new URL(siteUrl()),
    title: { default: SITE_NAME, template: `%s · ${SITE_NAME}` },
    description: SITE_DESCRIPTION,
    applicationName: SITE_NAME,
    robots: { index: true, follow: true, 'max-image-preview': 'large', 'max-snippet': -1, 'max-video-preview': -1 },
    alternates: { types: feedAlternates(null) },
    openGraph: { siteName: SITE_NAME, locale: SITE_LANGUAGE, type: 'website' },
    twitter: { card: 'summary_large_image' },
  };
}
