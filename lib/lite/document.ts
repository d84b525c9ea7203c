import type { SectionRef } from '@/lib/queries/types';
import { words } from '@/lib/i18n';
import {
  CORRECTIONS_PATH,
  SITE_DIRECTION,
  SITE_LANGUAGE,
  SITE_NAME,
  absoluteUrl,
  litePath,
  sectionPath,
} from '@/lib/site';
import { Markup, markup } from './html';
import { LITE_STYLESHEET } from './style';

export interface LiteDocument {
  /** The page's own title; the site's name is added after it. */
  title: string;
  description: string;
  /** The full twin's path: the lite page's canonical URL, and its one link out of the lite pages. */
  fullPath: string;
  sections: readonly SectionRef[];
  main: Markup;
}

/**
 * A whole lite page: no script, no font, no image, one inline stylesheet. Every link
 * leads to another lite page, except the one back to the full twin.
 */
export function liteDocument({ title, description, fullPath, sections, main }: LiteDocument): string {
  const fullTitle = title === SITE_NAME ? SITE_NAME : `${title} · ${SITE_NAME}`;
  const head = markup`<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${fullTitle}</title><meta name="description" content="${description}"><link rel="canonical" href="${absoluteUrl(fullPath)}"><meta name="color-scheme" content="light dark"><style>${new Markup(LITE_STYLESHEET)}</style></head>`;
  const { nav, lite, corrections, skipToContent } = words();
  const navigation = sections.map(
    (section) => markup`<li><a href="${litePath(sectionPath(section.slug))}">${section.name}</a></li>`,
  );
  const header = markup`<header><p class="site"><a href="/lite">${SITE_NAME}</a> <span class="meta">${lite.badge}</span></p><nav aria-label="${nav.sections}"><ul><li><a href="/lite">${nav.frontPage}</a></li>${navigation}</ul></nav></header>`;
  const footer = markup`<footer><p>${lite.edition} <a href="${fullPath}">${lite.full}</a> · <a href="${litePath(CORRECTIONS_PATH)}">${corrections.heading}</a></p></footer>`;
  return `<!doctype html>\n${markup`<html lang="${SITE_LANGUAGE}" dir="${SITE_DIRECTION}">${head}<body><a class="skip" href="#main">${skipToContent}</a>${header}<main id="main">${main}</main>${footer}</body></html>`}\n`;
}
