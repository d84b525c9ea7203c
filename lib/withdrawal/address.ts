import { ROUTES } from '@/lib/routes';
import { isSlug } from '@/lib/url-params';

/** Bad input to the editor's command: said as it is, and nothing was changed. */
export class WithdrawalInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WithdrawalInputError';
  }
}

/**
 * Every address of an article, as the route table (lib/routes.ts) declares them: its page, its
 * lite twin, its Markdown copy and its share image, and the Markdown copy's internal address.
 */
const ARTICLE_SHAPES = [
  ROUTES.article.pattern,
  ROUTES.liteArticle.pattern,
  ROUTES.markdown.pattern,
  ROUTES.articleImage.pattern,
  '/:section/:article/markdown',
].map((pattern) => {
  const source = pattern
    .split('/')
    .map((segment) => segment.replace(/^:section$/u, '[^/]+').replace(/^:article/u, '(?<article>[^/.]+)'))
    .join('/')
    .replaceAll('.md', '\\.md');
  return new RegExp(`^${source}/?$`, 'u');
});

/**
 * The slug of the article `input` names: a slug, a path of the site (any address of the
 * article: page, lite, `.md`, share image), or a full URL of this site (`origin`, lib/site.ts
 * siteUrl). A URL of another host is an error naming it; so is anything that names no article.
 */
export function articleSlugOf(input: string, origin: string): string {
  const text = input.trim();
  if (text === '') throw new WithdrawalInputError('no address or slug given');
  if (isSlug(text)) return text;
  let path = text;
  if (/^[a-z][a-z0-9+.-]*:\/\//iu.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new WithdrawalInputError(`"${text}" is not a valid URL`);
    }
    const site = new URL(origin);
    if (url.host !== site.host)
      throw new WithdrawalInputError(
        `"${text}" is an address of ${url.host}, not of this site (${site.host}, SITE_URL): give an address or slug of this site`,
      );
    path = url.pathname;
  } else {
    path = text.replace(/[?#].*$/su, '');
  }
  if (!path.startsWith('/')) path = `/${path}`;
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // a malformed escape names nothing: said below
  }
  for (const shape of ARTICLE_SHAPES) {
    const slug = shape.exec(decoded)?.groups?.article;
    if (slug && isSlug(slug)) return slug;
  }
  throw new WithdrawalInputError(
    `"${text}" is not an article's address: give its slug, its path (/<section>/<slug>) or its URL`,
  );
}
