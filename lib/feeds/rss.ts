import { Feed } from 'feed';
import type { Article, SectionRef } from '@/lib/queries/types';
import { SITE_DESCRIPTION, SITE_LANGUAGE, SITE_NAME, absoluteUrl, articlePath, sectionPath } from '@/lib/site';
import { articleHtml } from './article-html';

export const FEED_SIZE = 50;

/** RSS 2.0 of the given articles, full text, absolute links: the site's feed or one section's. */
export function buildRssFeed(articles: readonly Article[], section: SectionRef | null): string {
  const home = absoluteUrl(section ? sectionPath(section.slug) : '/');
  const self = absoluteUrl(section ? `${sectionPath(section.slug)}/feed.xml` : '/feed.xml');
  const newest = articles[0];
  const feed = new Feed({
    title: section ? `${SITE_NAME}: ${section.name}` : SITE_NAME,
    description: section ? `The latest ${section.name} news from ${SITE_NAME}.` : SITE_DESCRIPTION,
    id: home,
    link: home,
    language: SITE_LANGUAGE,
    copyright: `© ${SITE_NAME}`,
    updated: newest ? new Date(newest.updatedAt) : new Date(0),
    generator: SITE_NAME,
    feedLinks: { rss: self },
  });
  for (const article of articles) {
    const url = absoluteUrl(articlePath(article.section.slug, article.slug));
    feed.addItem({
      title: article.headline,
      id: url,
      link: url,
      description: article.summary,
      content: articleHtml(article.body, article.dateline),
      date: new Date(article.publishedAt),
      published: new Date(article.publishedAt),
      category: [{ name: article.section.name, domain: absoluteUrl(sectionPath(article.section.slug)) }],
    });
  }
  return feed.rss2();
}
