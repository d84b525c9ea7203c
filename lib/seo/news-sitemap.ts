import { xmlDocument } from '@/lib/feeds/xml';
import { languageAttributes } from '@/lib/language-tags';
import type { RecentArticle } from '@/lib/queries/sitemap-loaders';
import { SITE_LANGUAGE, SITE_NAME, absoluteUrl, articlePath } from '@/lib/site';
import { SITEMAP_NAMESPACE } from './sitemap';

/** Google News sitemaps list the articles of the last two days, at most 1,000 of them. */
export const NEWS_WINDOW_HOURS = 48;
export const NEWS_SITEMAP_LIMIT = 1_000;
export const NEWS_NAMESPACE = 'http://www.google.com/schemas/sitemap-news/0.9';

/**
 * The format's language of an article: an ISO 639 code (`ru`, `ar`), but `zh-cn` or `zh-tw` for
 * Chinese in its two scripts; the site's for an undetermined one.
 */
export function newsLanguage(tag: string): string {
  const { lang } = languageAttributes(tag);
  if (lang === undefined) return SITE_LANGUAGE;
  const locale = new Intl.Locale(lang).maximize();
  if (locale.language === 'zh') return locale.script === 'Hant' ? 'zh-tw' : 'zh-cn';
  return locale.language;
}

export function buildNewsSitemap(articles: readonly RecentArticle[]): string {
  return xmlDocument({
    urlset: {
      '@_xmlns': SITEMAP_NAMESPACE,
      '@_xmlns:news': NEWS_NAMESPACE,
      url: articles.slice(0, NEWS_SITEMAP_LIMIT).map((article) => ({
        loc: absoluteUrl(articlePath(article.section.slug, article.slug)),
        'news:news': {
          'news:publication': { 'news:name': SITE_NAME, 'news:language': newsLanguage(article.language) },
          'news:publication_date': article.publishedAt,
          'news:title': article.headline,
          // The format's comma-separated keywords: the tags (a comma inside a name would split it).
          ...(article.tags.length > 0
            ? { 'news:keywords': article.tags.map((tag) => tag.replaceAll(',', ' ')).join(', ') }
            : {}),
        },
      })),
    },
  });
}
