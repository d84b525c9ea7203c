import { formatTime, timeAttribute } from '@/components/PublishedTime';
import { CORRECTIONS_DESCRIPTION, CORRECTIONS_HEADING, LEGAL_REMOVAL_LINE } from '@/lib/feeds/corrections';
import type { CorrectionEntry, CorrectionsPage } from '@/lib/queries/corrections';
import type { SectionRef } from '@/lib/queries/types';
import { articlePath, correctionsPagePath, litePath } from '@/lib/site';
import { liteDocument } from './document';
import { languageMarkup, markup, type Markup } from './html';

const date = (iso: string) => markup`<time datetime="${timeAttribute(iso)}">${formatTime(iso, 'date')}</time>`;

/** One entry, in the words of the full page's (app/corrections/corrections-listing.tsx); links to lite pages only. */
function entry(item: CorrectionEntry): Markup {
  if (item.kind === 'legal-removal') {
    const lifted = item.liftedAt && markup` · the removal was lifted ${date(item.liftedAt)}`;
    return markup`<li><h2>${LEGAL_REMOVAL_LINE}</h2><p class="meta">Removed ${date(item.at)}${lifted}</p><p>Reason: ${item.reason}</p></li>`;
  }
  const link = markup`<a href="${litePath(articlePath(item.article.section.slug, item.article.slug))}">${item.article.headline}</a>`;
  const language = languageMarkup(item.article.language);
  if (item.kind === 'withdrawal') {
    return markup`<li><h2${language}>${link}</h2><p class="meta"><b>Withdrawn</b> · ${date(item.at)}</p><p>Reason: ${item.reason}</p></li>`;
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
  const pages =
    pageCount > 1 &&
    markup`<nav aria-label="Pages"><ul>${page > 1 && pageLink(page - 1, 'prev', 'Newer entries')}${page < pageCount && pageLink(page + 1, 'next', 'Older entries')}</ul></nav>`;
  const pageOf = page > 1 && markup`<p class="meta">Page ${page} of ${pageCount}</p>`;
  const list =
    entries.length === 0 ? markup`<p>No corrections yet.</p>` : markup`<ol class="list">${entries.map(entry)}</ol>`;
  const main = markup`<h1>${CORRECTIONS_HEADING}</h1><p>Every correction and clarification we have made to an article, every article we withdrew and every removal for legal reasons, newest first.</p>${pageOf}${list}${pages}`;
  return liteDocument({
    title: page > 1 ? `${CORRECTIONS_HEADING}, page ${page}` : CORRECTIONS_HEADING,
    description: CORRECTIONS_DESCRIPTION,
    fullPath: correctionsPagePath(page),
    sections,
    main,
  });
}
