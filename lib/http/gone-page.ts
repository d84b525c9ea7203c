import type http from 'node:http';
import { escapeMarkdown } from '@/lib/feeds/markdown';
import type { GoneForm } from '@/lib/front-door';
import { Markup, markup } from '@/lib/lite/html';
import { LITE_STYLESHEET } from '@/lib/lite/style';
import type { Gone } from '@/lib/routes';
import { words } from '@/lib/i18n';
import { SITE_DIRECTION, SITE_LANGUAGE, SITE_NAME, siteUrl } from '@/lib/site';
import { formatPublished, isoInZone } from '@/lib/time-zone';
import { CACHE_POLICIES } from './conditional';

/**
 * What a withdrawn (410 Gone) or legally removed (451 Unavailable For Legal Reasons) article's
 * addresses answer. Next's pages cannot answer either status, so the front door writes these
 * itself, as it does its other plain pages: whole pages in the site's look (the lite pages'
 * stylesheet, both themes, one column for a phone), no script. A withdrawal keeps the headline
 * and the date and says when and why; a legal removal says nothing of the article.
 */

const time = (iso: string) =>
  markup`<time datetime="${isoInZone(new Date(iso))}">${formatPublished(new Date(iso))}</time>`;

function document(title: string, description: string, home: string, main: Markup): string {
  const head = markup`<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · ${SITE_NAME}</title><meta name="description" content="${description}"><meta name="robots" content="noindex"><meta name="color-scheme" content="light dark"><style>${new Markup(LITE_STYLESHEET)}</style></head>`;
  const header = markup`<header><p class="site"><a href="${home}">${SITE_NAME}</a></p></header>`;
  const { errors, skipToContent } = words();
  const footer = markup`<footer><p><a href="${home}">${errors.home}</a></p></footer>`;
  return `<!doctype html>\n${markup`<html lang="${SITE_LANGUAGE}" dir="${SITE_DIRECTION}">${head}<body><a class="skip" href="#main">${skipToContent}</a>${header}<main id="main">${main}</main>${footer}</body></html>`}\n`;
}

/** The 410 or 451 page's body and its type, for the copy asked for. */
export function goneBody(gone: Gone, form: GoneForm): { body: string; contentType: string } {
  const text = words().gone;
  if (form === 'markdown') {
    const lines =
      gone.gone === 410
        ? [
            `# ${escapeMarkdown(gone.headline)}`,
            '',
            `${text.published}: ${isoInZone(new Date(gone.publishedAt))}  `,
            `${text.withdrawn}: ${isoInZone(new Date(gone.withdrawnAt))}`,
            '',
            `${text.markdownWithdrawn} ${escapeMarkdown(gone.reason)}`,
          ]
        : [`# ${text.legal}`, '', text.legalText];
    return { body: `${lines.join('\n')}\n`, contentType: 'text/markdown; charset=utf-8' };
  }
  const home = form === 'lite' ? '/lite' : '/';
  const body =
    gone.gone === 410
      ? document(
          text.withdrawnTitle(gone.headline),
          text.withdrawnDescription,
          home,
          markup`<article><p class="kicker">${text.withdrawn}</p><h1>${gone.headline}</h1><p class="meta">${text.published} ${time(gone.publishedAt)}</p><aside class="note" role="note" aria-label="${text.withdrawn}"><p><b>${text.withdrawn}</b> · ${time(gone.withdrawnAt)}</p><p>${gone.reason}</p></aside><p>${text.withdrawnText}</p></article>`,
        )
      : document(text.legal, text.legalText, home, markup`<h1>${text.legal}</h1><p>${text.legalText}</p>`);
  return { body, contentType: 'text/html; charset=utf-8' };
}

/**
 * The answer, headers and all: briefly cacheable (CACHE_POLICIES.gone), and for a 451 the
 * `Link: <origin>; rel="blocked-by"` of RFC 7725 (the site itself is what blocks it). A HEAD
 * gets the headers alone (Node leaves out the body).
 */
export function goneResponse(res: http.ServerResponse, gone: Gone, form: GoneForm): void {
  const { body, contentType } = goneBody(gone, form);
  res.writeHead(gone.gone, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
    ...goneHeaders(gone.gone),
  });
  res.end(body);
}

/** The headers every 410 or 451 answer carries, the front door's and a route's that answers its own (versions.json). */
export const goneHeaders = (status: 410 | 451): Record<string, string> => ({
  'cache-control': CACHE_POLICIES.gone,
  ...(status === 451 && { link: `<${new URL(siteUrl()).origin}>; rel="blocked-by"` }),
});
