/** Site identity and the absolute origin used in links that leave the page (feeds, metadata). */
export const SITE_NAME = process.env.SITE_NAME || 'The Daily Dispatch';
export const SITE_DESCRIPTION = 'World news, reported plainly: fast to load, easy to read on any screen.';
export const SITE_LANGUAGE = 'en';

export function siteUrl(): string {
  const configured = process.env.SITE_URL?.trim();
  return (configured || `http://localhost:${process.env.PORT || 3000}`).replace(/\/+$/u, '');
}

export const absoluteUrl = (pathname: string) => `${siteUrl()}${pathname}`;
export const sectionPath = (sectionSlug: string) => `/${sectionSlug}`;
/** Page 1 of a listing is the section's own address; later pages are `/<section>/page/<n>`. */
export const sectionPagePath = (sectionSlug: string, page: number) =>
  page > 1 ? `/${sectionSlug}/page/${page}` : `/${sectionSlug}`;
export const articlePath = (sectionSlug: string, articleSlug: string) => `/${sectionSlug}/${articleSlug}`;
/** The lite twin of a page of the site (`/` → `/lite`, `/world/x` → `/lite/world/x`). */
export const litePath = (fullPath: string) => (fullPath === '/' ? '/lite' : `/lite${fullPath}`);
