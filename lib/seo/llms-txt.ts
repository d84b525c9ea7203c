import { escapeMarkdown, markdownLink } from '@/lib/feeds/markdown';
import type { ArticleSummary, SectionRef } from '@/lib/queries/types';
import { CORRECTIONS_PATH, SITE_DESCRIPTION, SITE_NAME, absoluteUrl, articlePath, sectionPath } from '@/lib/site';
import { feedPath } from '@/lib/feeds/channel';

export const LLMS_TXT_ARTICLES = 50;

/** `/llms.txt` (llmstxt.org): the site, its sections and its latest articles, each linked to its Markdown copy. */
export function llmsTxt(sections: readonly SectionRef[], latest: readonly ArticleSummary[]): string {
  const lines = [
    `# ${escapeMarkdown(SITE_NAME)}`,
    '',
    `> ${escapeMarkdown(SITE_DESCRIPTION)}`,
    '',
    'Every article is also published as Markdown: add `.md` to its address. Feeds of the whole site:',
    `${markdownLink('RSS', absoluteUrl(feedPath('rss')))}, ${markdownLink('Atom', absoluteUrl(feedPath('atom')))}, ${markdownLink('JSON Feed', absoluteUrl(feedPath('json')))}.`,
    '',
    `Search every article with \`${absoluteUrl('/search?q=')}<words>\`: an HTML page of the best matches, 20 a page`,
    '(`&page=2` for the next). Put a phrase in "quotes", write `or` between words to find either, and `-word` to leave',
    'a word out; accents do not matter.',
    '',
    `Corrections, clarifications and withdrawn articles, newest first: ${absoluteUrl(CORRECTIONS_PATH)} (feed: ${absoluteUrl(`${CORRECTIONS_PATH}/feed.xml`)}).`,
    '',
    '## Sections',
    '',
    ...sections.map(
      (section) =>
        `- ${markdownLink(section.name, absoluteUrl(sectionPath(section.slug)))}: the latest ${escapeMarkdown(section.name)} news (feed: ${absoluteUrl(feedPath('rss', section.slug))})`,
    ),
    '',
    '## Latest articles',
    '',
    ...latest.map(
      (article) =>
        `- ${markdownLink(article.headline, absoluteUrl(`${articlePath(article.section.slug, article.slug)}.md`))}: ${escapeMarkdown(article.summary)}`,
    ),
    '',
  ];
  return lines.join('\n');
}
