import { siteLanguage, words } from './i18n';

/** Site identity and the absolute origin used in links that leave the page (feeds, metadata). */
export const SITE_NAME = process.env.SITE_NAME || 'The Daily Dispatch';
/** The site's language (`SITE_LANGUAGE`, lib/i18n): its tag, for `<html lang>` and the feeds, and its direction. */
export const SITE_LANGUAGE = siteLanguage().tag;
export const SITE_DIRECTION = siteLanguage().dir;
export const SITE_DESCRIPTION = words().siteDescription;

export function siteUrl(): string {
  const configured = process.env.SITE_URL?.trim();
  return (configured || `http://localhost:${process.env.PORT || 3000}`).replace(/\/+$/u, '');
}

export const absoluteUrl = (pathname: string) => `${siteUrl()}${pathname}`;
export const sectionPath = (sectionSlug: string) => `/${sectionSlug}`;
/** Page 1 of a listing is the section's own address; later pages are `/<section>/page/<n>`. */
export const sectionPagePath = (sectionSlug: string, page: number) =>
  page > 1 ? `/${sectionSlug}/page/${page}` : `/${sectionSlug}`;
/** An author's page, and a tag's: page 1 at its own address, later pages at `…/page/<n>`, as a section's. */
export const authorPagePath = (authorSlug: string, page = 1) =>
  page > 1 ? `/authors/${authorSlug}/page/${page}` : `/authors/${authorSlug}`;
export const tagPagePath = (tagSlug: string, page = 1) =>
  page > 1 ? `/tags/${tagSlug}/page/${page}` : `/tags/${tagSlug}`;
export const articlePath = (sectionSlug: string, articleSlug: string) => `/${sectionSlug}/${articleSlug}`;
/** Version n of an article (docs/versions.md), its Markdown copy at `….md`, what changed since at `…/changes`. */
export const versionPath = (sectionSlug: string, articleSlug: string, n: number) =>
  `${articlePath(sectionSlug, articleSlug)}/versions/${n}`;
/** The article's hash chain (docs/versions.md). */
export const versionsChainPath = (sectionSlug: string, articleSlug: string) =>
  `${articlePath(sectionSlug, articleSlug)}/versions.json`;
/** The corrections listing (docs/corrections.md): page 1 is its own address, later pages under it. */
export const CORRECTIONS_PATH = '/corrections';
export const correctionsPagePath = (page: number) => (page > 1 ? `${CORRECTIONS_PATH}/page/${page}` : CORRECTIONS_PATH);

/** The lite twin of a page of the site (`/` → `/lite`, `/world/x` → `/lite/world/x`). */
export const litePath = (fullPath: string) => (fullPath === '/' ? '/lite' : `/lite${fullPath}`);
