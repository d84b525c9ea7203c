import { formatTime, timeAttribute } from '@/components/PublishedTime';
import { CORRECTIONS_DESCRIPTION, CORRECTIONS_HEADING, LEGAL_REMOVAL_LINE } from '@/lib/feeds/corrections';
import type { CorrectionEntry, CorrectionsPage } from '@/lib/queries/corrections';
import type { SectionRef } from '@/lib/queries/types';
import { articlePath, correctionsPagePath, litePath } from '@/lib/site';
import { formatNumber, pageOfText, words } from '@/lib/i18n';
import { liteDocument } from './document';
import { languageMarkup, markup, type Markup } from './html';

const date = (iso: string) => markup`<time datetime="${timeAttribute(iso)}">${formatTime(iso, 'date')}</time>`;

/** One entry, in the words of the full page's (app/corrections/corrections-listing.tsx); links to lite pages only. */
function entry(item: CorrectionEntry): Markup {
  const { corrections, gone } = words();
  if (item.kind === 'legal-removal') {
    const lifted = item.liftedAt && markup` · ${corrections.lifted} ${date(item.liftedAt)}`;
    return markup`<li><h2>${LEGAL_REMOVAL_LINE}</h2><p class="meta">${corrections.removed} ${date(item.at)}${lifted}</p><p>${corrections.reason} ${item.reason}</p></li>`;
  }
  const link = markup`<a href="${litePath(articlePath(item.article.section.slug, item.article.slug))}">${item.article.headline}</a>`;
  const language = languageMarkup(item.article.language);
  if (item.kind === 'withdrawal') {
    return markup`<li><h2${language}>${link}</h2><p class="meta"><b>${gone.withdrawn}</b> · ${date(item.at)}</p><p>${corrections.reason} ${item.reason}</p></li>`;
  }
  return markup`<li><h2${language}>${link}</h2><p class="meta"><b>${item.label}</b> · ${date(item.at)}</p><p${language}>${item.text}</p></li>`;
}

/** A page of the lite corrections listing, with links to its neighbouring lite pages. */
export function liteCorrectionsPage(
  { entries, page, pageCount }: CorrectionsPage,
  sections: readonly SectionRef[],
): string {
  const pageLink = (to: number, rel: 'prev' | 'next', text: string) =>
    markup`<li><a rel="${rel}" href="${litePath(correctionsPagePath(to))}">${text}</a></li>`;
  const { pages: pageWords } = words();
  const pages =
    pageCount > 1 &&
    markup`<nav aria-label="${pageWords.label}"><ul>${page > 1 && pageLink(page - 1, 'prev', pageWords.newerEntries)}${page < pageCount && pageLink(page + 1, 'next', pageWords.olderEntries)}</ul></nav>`;
  const pageOf = page > 1 && markup`<p class="meta">${pageOfText(page, pageCount)}</p>`;
  const list =
    entries.length === 0
      ? markup`<p>${words().corrections.none}</p>`
      : markup`<ol class="list">${entries.map(entry)}</ol>`;
  const main = markup`<h1>${CORRECTIONS_HEADING}</h1><p>${words().corrections.intro}</p>${pageOf}${list}${pages}`;
  return liteDocument({
    title: page > 1 ? words().listing.titlePage(CORRECTIONS_HEADING, formatNumber(page)) : CORRECTIONS_HEADING,
    description: CORRECTIONS_DESCRIPTION,
    fullPath: correctionsPagePath(page),
    sections,
    main,
  });
}
