import { datelineIndex, paragraphAnchors } from '@/components/ArticleBody';
import { formatTime, timeAttribute } from '@/components/PublishedTime';
import { bylinePieces, bylineText, noteParts } from '@/lib/article-lines';
import type { StoredNote } from '@/lib/documents/types';
import { listingDescription, listingHeading, listingPath, type ListingRef } from '@/lib/listing';
import type { BylinePage } from '@/lib/queries/byline-loaders';
import type { Article, ArticleSummary, FrontPage, NameRef, SectionPage, SectionRef } from '@/lib/queries/types';
import {
  SITE_DESCRIPTION,
  SITE_NAME,
  articlePath,
  authorPagePath,
  litePath,
  sectionPath,
  tagPagePath,
} from '@/lib/site';
import { formatNumber, pageOfText, words } from '@/lib/i18n';
import { liteDocument } from './document';
import { languageMarkup, markup, type Markup } from './html';

const liteArticlePath = (article: ArticleSummary) => litePath(articlePath(article.section.slug, article.slug));
const liteSectionPath = (section: SectionRef) => litePath(sectionPath(section.slug));
const time = (iso: string, format: 'long' | 'short' | 'date') =>
  markup`<time datetime="${timeAttribute(iso)}">${formatTime(iso, format)}</time>`;

/** "By A and B", each name linking to the author's lite page. */
function byline(authors: readonly NameRef[]): Markup | false {
  if (authors.length === 0) return false;
  const pieces = bylinePieces(authors.length).map((piece) => {
    if ('text' in piece) return piece.text;
    const author = authors[piece.name]!;
    return markup`<a href="${litePath(authorPagePath(author.slug))}">${author.name}</a>`;
  });
  return markup`<p class="byline">${words().by(authors.length)} ${pieces}</p>`;
}

/** The notes at the top: one labelled aside each, with the day it was first carried. */
const notes = (list: readonly StoredNote[]) =>
  list.map((note) => {
    const { label, text } = noteParts(note);
    return markup`<aside class="note" role="note" aria-label="${label}"><p><b>${label}</b> · ${time(note.datedAt, 'date')}</p><p>${text}</p></aside>`;
  });

/** The tags, as links to their lite pages, in a list named "Tags". */
const tagList = (tags: readonly NameRef[]) =>
  tags.length > 0 &&
  markup`<nav aria-label="${words().article.tags}"><ul>${tags.map((tag) => markup`<li><a href="${litePath(tagPagePath(tag.slug))}">${tag.name}</a></li>`)}</ul></nav>`;

/** One headline in a lite listing: the same words as the full page's card, none of its chrome. */
function card(article: ArticleSummary, heading: 'h2' | 'h3', showSection: boolean): Markup {
  const link = markup`<a href="${liteArticlePath(article)}">${article.headline}</a>`;
  const kicker = showSection && markup`<p class="kicker">${article.section.name}</p>`;
  const title = heading === 'h2' ? markup`<h2>${link}</h2>` : markup`<h3>${link}</h3>`;
  const by = article.authors.length > 0 && `${bylineText(article.authors)} · `;
  return markup`<li${languageMarkup(article.language)}>${kicker}${title}<p class="summary">${article.summary}</p><p class="meta">${by}${time(article.publishedAt, 'short')} · ${words().readingTime(formatNumber(article.readingMinutes))}</p></li>`;
}

/** The lite front page: the same stories as `/` (lead and latest, then a block per section). */
export function liteFrontPage(front: FrontPage, sections: readonly SectionRef[]): string {
  const stories = front.lead ? [front.lead, ...front.latest] : [];
  const { front: frontWords } = words();
  const latest =
    stories.length === 0
      ? markup`<p>${frontWords.empty}</p>`
      : markup`<section aria-labelledby="latest"><h2 id="latest">${frontWords.latest}</h2><ul class="list">${stories.map((article) => card(article, 'h3', true))}</ul></section>`;
  const blocks = front.sections.map(
    ({ section, articles }) =>
      markup`<section aria-labelledby="s-${section.slug}"><h2 id="s-${section.slug}"><a href="${liteSectionPath(section)}">${section.name}</a></h2><ul class="list">${articles.map((article) => card(article, 'h3', false))}</ul></section>`,
  );
  const main = markup`<h1 class="sr">${frontWords.heading(SITE_NAME)}</h1>${latest}${blocks}`;
  return liteDocument({ title: SITE_NAME, description: SITE_DESCRIPTION, fullPath: '/', sections, main });
}

/** A page of a section's lite listing, with links to its neighbouring lite pages. */
export function liteSectionPage(listing: SectionPage, sections: readonly SectionRef[]): string {
  return liteListingPage({ ...listing, listing: listing.section }, sections, false);
}

/** A page of an author's or tag's lite listing: a section's, each card naming its section. */
export function liteBylinePage(listing: BylinePage, sections: readonly SectionRef[]): string {
  return liteListingPage({ ...listing, listing: listing.byline }, sections, true);
}

function liteListingPage(
  {
    listing,
    articles,
    page,
    pageCount,
  }: Pick<SectionPage, 'articles' | 'page' | 'pageCount'> & { listing: ListingRef },
  sections: readonly SectionRef[],
  showSection: boolean,
): string {
  const heading = listingHeading(listing);
  const { pages: pageWords, listing: listingWords } = words();
  const pageLink = (to: number, rel: 'prev' | 'next', text: string) =>
    markup`<li><a rel="${rel}" href="${litePath(listingPath(listing, to))}">${text}</a></li>`;
  const pages =
    pageCount > 1 &&
    markup`<nav aria-label="${pageWords.label}"><ul>${page > 1 && pageLink(page - 1, 'prev', pageWords.newer)}${page < pageCount && pageLink(page + 1, 'next', pageWords.older)}</ul></nav>`;
  const pageOf = page > 1 && markup`<p class="meta">${pageOfText(page, pageCount)}</p>`;
  const main = markup`<h1>${heading}</h1>${pageOf}<ol class="list">${articles.map((article) => card(article, 'h2', showSection))}</ol>${pages}`;
  return liteDocument({
    title: page > 1 ? listingWords.titlePage(heading, formatNumber(page)) : heading,
    description: listingDescription(listing),
    fullPath: listingPath(listing, page),
    sections,
    main,
  });
}

/** An article's lite page: its text as the full page shows it (dateline first), and nothing else. */
export function liteArticlePage(article: Article, sections: readonly SectionRef[]): string {
  const datelineAt = datelineIndex(article);
  const { dateline } = article;
  const anchors = paragraphAnchors(article.body);
  const body = article.body.map((block, index) => {
    if (block.type === 'subheading') return markup`<h2>${block.text}</h2>`;
    const opening =
      index === datelineAt &&
      dateline &&
      markup`<span class="dateline">${dateline.place}, ${dateline.dateText} (${dateline.source}) </span>`;
    return markup`<p id="${anchors[index] ?? ''}">${opening}${block.text}</p>`;
  });
  const text = words();
  const sectionLink = markup`<a href="${liteSectionPath(article.section)}">${article.section.name}</a>`;
  const main = markup`<article${languageMarkup(article.language)}><p class="kicker">${sectionLink}</p><h1>${article.headline}</h1>${byline(article.authors)}<p class="meta">${time(article.publishedAt, 'long')} · ${text.readingTime(formatNumber(article.readingMinutes))}</p>${notes(article.notes)}${body}${tagList(article.tags)}<p class="meta">${text.article.publishedIn} ${sectionLink}</p></article>`;
  return liteDocument({
    title: article.headline,
    description: article.summary,
    fullPath: articlePath(article.section.slug, article.slug),
    sections,
    main,
  });
}
