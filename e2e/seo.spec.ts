import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import MarkdownIt from 'markdown-it';
import { parse as parseHtml } from 'node-html-parser';
import { importArticles, plainSlug, uniqueWord } from './support/import';
import { FEED_TYPES, jsonLdBlocks } from './support/machine-readable';
import { AUTHOR, TAG, importBylineArticles } from './support/bylines';
import { CORRECTIONS, importCorrectionArticles } from './support/corrections';
import { SEED_ARTICLES } from './support/seed';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/u;
const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'sitemap'].includes(name) });
const ARTICLE = SEED_ARTICLES[2];

test.beforeAll(() => {
  importBylineArticles();
  importCorrectionArticles();
});

const meta = (page: Page, attribute: 'name' | 'property', key: string) =>
  page.locator(`head meta[${attribute}="${key}"]`).getAttribute('content');

async function readXml(request: APIRequestContext, url: string) {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  expect(response.headers()['content-type'], url).toBe('application/xml; charset=utf-8');
  const body = await response.text();
  expect(XMLValidator.validate(body), url).toBe(true);
  return xml.parse(body) as Record<string, Record<string, unknown>>;
}

for (const { kind, path } of [
  { kind: 'front page', path: '/' },
  { kind: 'section page', path: '/world' },
  { kind: 'article page', path: ARTICLE.path },
  { kind: 'author page', path: AUTHOR.path },
  { kind: 'later author page', path: `${AUTHOR.path}/page/2` },
  { kind: 'tag page', path: TAG.path },
  { kind: 'corrections page', path: CORRECTIONS.path },
  { kind: 'later corrections page', path: CORRECTIONS.later },
]) {
  test(`the ${kind} has one absolute canonical URL, and Open Graph and Twitter tags that agree with it`, async ({
    page,
    baseURL,
  }) => {
    await page.goto(path);
    const canonical = page.locator('head link[rel="canonical"]');
    await expect(canonical).toHaveCount(1);
    const href = (await canonical.getAttribute('href')) ?? '';
    // Next.js writes the front page's URL without its trailing slash; both spell the same URL.
    expect(new URL(href).href).toBe(new URL(path, baseURL).href);
    expect(await meta(page, 'property', 'og:url')).toBe(href);
    for (const key of ['og:title', 'og:description', 'og:site_name', 'og:type']) {
      expect(await meta(page, 'property', key), key).toMatch(/\S/u);
    }
    expect(await meta(page, 'name', 'twitter:card')).toBe('summary_large_image');
    expect(await meta(page, 'name', 'twitter:title')).toBe(await meta(page, 'property', 'og:title'));
    expect(await meta(page, 'name', 'robots')).toMatch(/\bmax-image-preview:large\b/u);
  });

  test(`the ${kind}'s og:image is a 1200×630 PNG the site draws itself`, async ({ page, request, baseURL }) => {
    await page.goto(path);
    const image = (await meta(page, 'property', 'og:image')) ?? '';
    expect(new URL(image).origin).toBe(new URL(baseURL ?? '').origin);
    const response = await request.get(image);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('image/png');
    const png = await response.body();
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });
}

test('an article page’s og:type is article, with its publication time and section', async ({ page }) => {
  await page.goto(ARTICLE.path);
  expect(await meta(page, 'property', 'og:type')).toBe('article');
  expect(await meta(page, 'property', 'og:title')).toBe(ARTICLE.headline);
  expect(await meta(page, 'property', 'article:published_time')).toMatch(ISO_WITH_ZONE);
  expect(await meta(page, 'property', 'article:section')).toBe('World');
});

for (const listing of ['/world', AUTHOR.path, TAG.path, CORRECTIONS.path]) {
  test(`${listing} advertises its own three feeds and the site’s, each of which answers with its type`, async ({
    page,
    request,
    baseURL,
  }) => {
    await advertisesItsFeeds(page, request, baseURL ?? '', listing);
  });
}

async function advertisesItsFeeds(page: Page, request: APIRequestContext, baseURL: string, listing: string) {
  await page.goto(listing);
  const links = await page
    .locator('head link[rel="alternate"]')
    .evaluateAll((elements) => elements.map((e) => ({ type: e.getAttribute('type'), href: e.getAttribute('href') })));
  const expected = Object.entries(FEED_TYPES).flatMap(([format, type]) => {
    const file = { rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json' }[format];
    return [`${listing}/${file}`, `/${file}`].map((feed) => ({ type, href: new URL(feed, baseURL).href }));
  });
  expect(links).toEqual(expect.arrayContaining(expected));
  expect(links).toHaveLength(6);
  for (const { type, href } of links) {
    expect((await request.get(href ?? '')).headers()['content-type'], href ?? '').toBe(`${type}; charset=utf-8`);
  }
}

test('the front page advertises the site’s three feeds', async ({ page }) => {
  await page.goto('/');
  const types = await page
    .locator('head link[rel="alternate"]')
    .evaluateAll((elements) => elements.map((e) => e.getAttribute('type')));
  expect(types.sort()).toEqual(Object.values(FEED_TYPES).sort());
});

test('an article page describes it as a NewsArticle with a BreadcrumbList, in JSON-LD', async ({
  request,
  baseURL,
}) => {
  const blocks = jsonLdBlocks(await (await request.get(ARTICLE.path)).text()) as Array<Record<string, unknown>>;
  const article = blocks.find((block) => block['@type'] === 'NewsArticle');
  const url = new URL(ARTICLE.path, baseURL).href;
  expect(article).toMatchObject({
    '@context': 'https://schema.org',
    headline: ARTICLE.headline,
    articleSection: 'World',
    dateline: 'Moscow, Dec 27 (Prensa Latina)',
    isAccessibleForFree: true,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    publisher: { '@type': 'NewsMediaOrganization', logo: { '@type': 'ImageObject' } },
  });
  expect(article?.datePublished).toMatch(ISO_WITH_ZONE);
  expect(article?.dateModified).toMatch(ISO_WITH_ZONE);
  expect(article?.wordCount).toBeGreaterThan(100);
  const logo = ((article?.publisher as Record<string, unknown>).logo as { url: string }).url;
  expect((await request.get(logo)).headers()['content-type']).toBe('image/png');
  const [image] = article?.image as string[];
  expect((await request.get(image ?? '')).headers()['content-type']).toBe('image/png');
  const crumbs = blocks.find((block) => block['@type'] === 'BreadcrumbList')?.itemListElement as Array<{
    item: string;
  }>;
  expect(crumbs.map((crumb) => crumb.item)).toEqual([new URL('/', baseURL).href, new URL('/world', baseURL).href, url]);
});

test('a section page is a CollectionPage with a BreadcrumbList, and the front page a WebSite, in JSON-LD', async ({
  request,
}) => {
  const section = jsonLdBlocks(await (await request.get('/world')).text()) as Array<Record<string, unknown>>;
  expect(section.map((block) => block['@type']).sort()).toEqual(['BreadcrumbList', 'CollectionPage']);
  const front = jsonLdBlocks(await (await request.get('/')).text()) as Array<Record<string, unknown>>;
  expect(front.map((block) => block['@type'])).toEqual(['WebSite']);
});

test('an author page is a ProfilePage about its Person, a tag page a CollectionPage about the tag, each with a BreadcrumbList, in JSON-LD', async ({
  request,
  baseURL,
}) => {
  const author = jsonLdBlocks(await (await request.get(AUTHOR.path)).text()) as Array<Record<string, unknown>>;
  expect(author.map((block) => block['@type']).sort()).toEqual(['BreadcrumbList', 'ProfilePage']);
  expect(author.find((block) => block['@type'] === 'ProfilePage')?.mainEntity).toMatchObject({
    '@type': 'Person',
    name: AUTHOR.name,
    url: new URL(AUTHOR.path, baseURL).href,
  });
  const tag = jsonLdBlocks(await (await request.get(TAG.path)).text()) as Array<Record<string, unknown>>;
  expect(tag.map((block) => block['@type']).sort()).toEqual(['BreadcrumbList', 'CollectionPage']);
  const collection = tag.find((block) => block['@type'] === 'CollectionPage');
  expect(collection?.about).toEqual({ '@type': 'Thing', name: TAG.name });
  expect((collection?.mainEntity as { itemListElement: unknown[] }).itemListElement).toHaveLength(20);
});

test('the sitemap lists the corrections page beside the front page', async ({ request, baseURL }) => {
  const urls = (await readXml(request, '/sitemaps/sections-1.xml')).urlset?.url as Array<{ loc: string }>;
  expect(urls.slice(0, 2).map((url) => url.loc)).toEqual([
    new URL('/', baseURL).href,
    new URL(CORRECTIONS.path, baseURL).href,
  ]);
});

test('the sitemap index leads to every author’s and tag’s page', async ({ request, baseURL }) => {
  const index = await readXml(request, '/sitemap.xml');
  const files = (index.sitemapindex?.sitemap as Array<{ loc: string }>).map((file) => new URL(file.loc).pathname);
  expect(files).toEqual(expect.arrayContaining(['/sitemaps/authors-1.xml', '/sitemaps/tags-1.xml']));
  const authors = (await readXml(request, '/sitemaps/authors-1.xml')).urlset?.url as Array<{
    loc: string;
    lastmod: string;
  }>;
  const author = authors.find((url) => url.loc === new URL(AUTHOR.path, baseURL).href);
  expect(author?.lastmod).toMatch(ISO_WITH_ZONE);
  const tags = (await readXml(request, '/sitemaps/tags-1.xml')).urlset?.url as Array<{ loc: string }>;
  expect(tags.map((url) => url.loc)).toContain(new URL(TAG.path, baseURL).href);
});

test('robots.txt names the sitemap index and the news sitemap by absolute URLs', async ({ request, baseURL }) => {
  const response = await request.get('/robots.txt');
  expect(response.headers()['content-type']).toBe('text/plain; charset=utf-8');
  const sitemaps = (await response.text()).match(/^Sitemap: .+$/gmu);
  expect(sitemaps).toEqual([
    `Sitemap: ${new URL('/sitemap.xml', baseURL).href}`,
    `Sitemap: ${new URL('/news-sitemap.xml', baseURL).href}`,
  ]);
});

test('the sitemap index leads to every section and to a new article, dated by its last change', async ({
  request,
  baseURL,
}) => {
  const word = uniqueWord();
  const section = `Sitemaps ${word}`;
  const headline = `Crawler finds ${word}`;
  importArticles([{ headline, section }]);
  const index = await readXml(request, '/sitemap.xml');
  expect(index.sitemapindex?.['@_xmlns']).toBe(SITEMAP_NS);
  const files = (index.sitemapindex?.sitemap as Array<{ loc: string; lastmod: string }>).map((file) => file.loc);
  const urls: Array<{ loc: string; lastmod?: string }> = [];
  for (const file of files) {
    const urlset = (await readXml(request, file)).urlset;
    expect(urlset?.['@_xmlns']).toBe(SITEMAP_NS);
    const entries = urlset?.url as Array<{ loc: string; lastmod?: string }>;
    expect(entries.length).toBeLessThanOrEqual(50_000);
    urls.push(...entries);
  }
  const locs = urls.map((url) => url.loc);
  expect(locs).toContain(new URL('/', baseURL).href);
  expect(locs).toContain(new URL('/world', baseURL).href);
  expect(locs).toContain(new URL(`/${plainSlug(section)}`, baseURL).href);
  const article = urls.find(
    (url) => url.loc === new URL(`/${plainSlug(section)}/${plainSlug(headline)}`, baseURL).href,
  );
  expect(article?.lastmod).toMatch(ISO_WITH_ZONE);
  expect(Date.now() - Date.parse(article?.lastmod ?? '')).toBeLessThan(10 * 60_000);
});

test('the news sitemap lists a new article with its publication, date and title', async ({ request, baseURL }) => {
  const word = uniqueWord();
  const section = `News ${word}`;
  const headline = `Breaking ${word}`;
  importArticles([{ headline, section }]);
  const urlset = (await readXml(request, '/news-sitemap.xml')).urlset;
  expect(urlset?.['@_xmlns']).toBe(SITEMAP_NS);
  expect(urlset?.['@_xmlns:news']).toBe(NEWS_NS);
  const entries = urlset?.url as Array<{ loc: string; 'news:news': Record<string, unknown> }>;
  expect(entries.length).toBeLessThanOrEqual(1000);
  const entry = entries.find(
    (url) => url.loc === new URL(`/${plainSlug(section)}/${plainSlug(headline)}`, baseURL).href,
  );
  expect(entry?.['news:news']).toMatchObject({
    'news:publication': { 'news:name': expect.stringMatching(/\S/u), 'news:language': 'en' },
    'news:publication_date': expect.stringMatching(ISO_WITH_ZONE),
    'news:title': headline,
  });
});

test('sitemaps answer conditional requests with 304, HEAD without a body, and other methods with 405', async ({
  request,
}) => {
  for (const path of ['/sitemap.xml', '/sitemaps/sections-1.xml', '/news-sitemap.xml', '/robots.txt', '/llms.txt']) {
    await expect(async () => {
      const { etag } = (await request.get(path)).headers();
      expect((await request.get(path, { headers: { 'if-none-match': etag ?? '' } })).status(), path).toBe(304);
    }).toPass({ timeout: 15_000 });
    const head = await request.head(path);
    expect(head.status(), path).toBe(200);
    expect(await head.body(), path).toHaveLength(0);
    const post = await request.post(path);
    expect(post.status(), path).toBe(405);
    const allow = (post.headers().allow ?? '').split(',').map((method) => method.trim());
    expect(allow, path).toEqual(expect.arrayContaining(['GET', 'HEAD']));
  }
});

test('a sitemap file past the last one, or of another name, is 404', async ({ request }) => {
  for (const path of ['/sitemaps/articles-999.xml', '/sitemaps/sections-2.xml', '/sitemaps/everything.xml']) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
});

test('the Markdown copy of an article is its text as Markdown, pointing to the page it copies', async ({
  request,
  baseURL,
}) => {
  const response = await request.get(`${ARTICLE.path}.md`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('text/markdown; charset=utf-8');
  expect(response.headers().link).toBe(`<${new URL(ARTICLE.path, baseURL).href}>; rel="canonical"`);
  const rendered = parseHtml(new MarkdownIt().render(await response.text()));
  expect(rendered.querySelector('h1')?.textContent).toBe(ARTICLE.headline);
  expect(rendered.querySelectorAll('p').map((p) => p.textContent)).toContainEqual(
    expect.stringMatching(/^Moscow, Dec 27 \(Prensa Latina\) The Russian Ministry of Defense/u),
  );
});

test('the Markdown copy of a moved article redirects to its new address', async ({ request, baseURL }) => {
  const word = uniqueWord();
  const headline = `Wandering ${word}`;
  importArticles([{ headline, section: `Before ${word}` }]);
  importArticles([{ headline, section: `After ${word}`, paragraphs: ['Moved and changed.'] }]);
  const response = await request.get(`/${plainSlug(`Before ${word}`)}/${plainSlug(headline)}.md`, { maxRedirects: 0 });
  expect(response.status()).toBe(308);
  expect(new URL(response.headers().location ?? '', baseURL).pathname).toBe(
    `/${plainSlug(`After ${word}`)}/${plainSlug(headline)}.md`,
  );
});

test('llms.txt lists the sections and a new article, linked to a Markdown copy that answers', async ({
  request,
  baseURL,
}) => {
  const word = uniqueWord();
  const section = `Assistants ${word}`;
  const headline = `Tools read ${word}`;
  importArticles([{ headline, section }]);
  const response = await request.get('/llms.txt');
  expect(response.headers()['content-type']).toBe('text/plain; charset=utf-8');
  const rendered = parseHtml(new MarkdownIt().render(await response.text()));
  expect(rendered.querySelector('h1')?.textContent).toMatch(/\S/u);
  expect(rendered.querySelectorAll('h2').map((h) => h.textContent)).toEqual(['Sections', 'Latest articles']);
  const links = rendered.querySelectorAll('a').map((a) => ({ text: a.textContent, href: a.getAttribute('href') }));
  expect(links).toContainEqual({ text: section, href: new URL(`/${plainSlug(section)}`, baseURL).href });
  const copy = new URL(`/${plainSlug(section)}/${plainSlug(headline)}.md`, baseURL).href;
  expect(links).toContainEqual({ text: headline, href: copy });
  const answer = await request.get(copy);
  expect(answer.status()).toBe(200);
  expect(answer.headers()['content-type']).toBe('text/markdown; charset=utf-8');
});
