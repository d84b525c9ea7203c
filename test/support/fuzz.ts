/**
 * Addresses a crawler, a scanner or a careless link may send: long, encoded, traversal,
 * unicode, dotted, bad page and sitemap numbers, made-up slugs, with every method. Used by
 * the fuzz test (what comes back) and by `npm run bench` (how fast). Deterministic: the same
 * list every run, so a failure can be repeated.
 */
export interface FuzzRequest {
  method: string;
  path: string;
}

export const FUZZ_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'] as const;

/** A small seeded generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIXED = [
  // long
  `/${'a'.repeat(81)}`,
  `/${'a'.repeat(1_000)}`,
  `/world/${'b'.repeat(5_000)}`,
  `/${'c/'.repeat(2_000)}`,
  `/world?${'q'.repeat(6_000)}=1`,
  `/${'x'.repeat(20_000)}`,
  // encoded
  '/%E0%A4%A',
  '/world/%ZZ',
  '/%00',
  '/world/%00',
  '/%2e%2e/%2e%2e/etc/passwd',
  '/%252e%252e/',
  '/%C0%AE%C0%AE/',
  '/world%2Fmass-graves-in-aleppo',
  '/World',
  '/WORLD/MASS-GRAVES-IN-ALEPPO',
  '/world/mass-graves-in-aleppo%20',
  '/world/mass%2Dgraves-in-aleppo',
  '/%F0%9F%A4%9D',
  '/%EF%BB%BFworld',
  // traversal
  '/../../etc/passwd',
  '/world/../../package.json',
  '/_next/../package.json',
  '/_next/static/../../.env',
  '/_next/static/chunks/../../../next.config.js',
  '/..%2f..%2fetc%2fpasswd',
  '/public/logo.png',
  '/.data/db-password',
  // unicode
  '/wörld',
  '/world/ünïcode-headline',
  '/日本',
  '/world/🤝',
  '/world/mass-graves-in-aleppo/ñ',
  // dots
  '/.',
  '/..',
  '/.env',
  '/.git/config',
  '/world/.',
  '/world/..',
  '/world/x.md',
  '/world/mass-graves-in-aleppo.md.md',
  '/world/mass-graves-in-aleppo.',
  '/foo.bar',
  '/world/feed.xml.bak',
  '/feed.xml/..',
  '/index.php',
  '/wp-login.php',
  // page numbers
  '/world/page/0',
  '/world/page/1',
  '/world/page/-1',
  '/world/page/1e3',
  '/world/page/01',
  '/world/page/2.5',
  '/world/page/99999999999999999999',
  '/world/page/abc',
  '/world/page/',
  '/world/page/2/extra',
  '/world?page=0',
  '/world?page=-3',
  '/world?page=abc',
  '/world?page=1&page=2',
  '/world?page=99999',
  '/world?page=%00',
  '/?page=2',
  '/no-such-section/page/2',
  // authors and tags (and a section's old addresses under them)
  '/authors',
  '/authors/',
  '/tags',
  '/authors/ada-byline/page/0',
  '/authors/ada-byline/page/1',
  '/authors/ada-byline/page/01',
  '/authors/ada-byline/page/99999',
  '/authors/ada-byline?page=abc',
  '/authors/Ada-Byline',
  '/authors/ada-byline/extra/deeper',
  '/authors/%2e%2e/package.json',
  '/authors/ada-byline/archive/0/feed.xml',
  '/authors/ada-byline/archive/99999/atom.xml',
  '/tags/harbour-works/page/abc',
  '/tags/harbour-works/feed.xml.bak',
  '/tags/page/2',
  '/tags/no-such-tag/feed.json',
  '/lite/authors/ada-byline/page/1',
  '/lite/tags/no-such-tag',
  '/sitemaps/authors-0.xml',
  '/sitemaps/tags-999999.xml',
  // the corrections listing
  '/corrections/',
  '/corrections/page/0',
  '/corrections/page/1',
  '/corrections/page/01',
  '/corrections/page/99999',
  '/corrections?page=abc',
  '/corrections?page=2&page=3',
  '/corrections/newest',
  '/corrections/page',
  '/corrections/extra/deeper',
  '/corrections/%2e%2e/package.json',
  '/corrections/archive/0/feed.xml',
  '/corrections/archive/99999/atom.xml',
  '/corrections/feed.xml.bak',
  '/lite/corrections/page/1',
  '/lite/corrections/feed.json',
  // sitemaps and feeds
  '/sitemaps/articles-0.xml',
  '/sitemaps/articles-999999.xml',
  '/sitemaps/sections-2.xml',
  '/sitemaps/articles-1.xml.gz',
  '/sitemaps/../sitemap.xml',
  '/sitemaps/',
  '/no-such-section/feed.xml',
  '/world/feed.xml?x=1',
  '/no-such-section/opengraph-image',
  '/world/no-such-article/opengraph-image',
  // internal routes
  '/front/today',
  '/front/yesterday',
  '/_not-found',
  '/world/mass-graves-in-aleppo/markdown',
  '/world/mass-graves-in-aleppo/versions/1/markdown',
  '/world/mass-graves-in-aleppo/versions/00',
  '/world/mass-graves-in-aleppo/versions/1.md.md',
  '/world/mass-graves-in-aleppo/versions/-1',
  '/world/mass-graves-in-aleppo/versions.json/x',
  '/world/mass-graves-in-aleppo/versions/9999999',
  '/api',
  '/api/revalidate',
  '/api/nothing',
  '/_next/static/chunks/nothing.js',
  '/_next/image?url=http://example.com/x.png&w=64&q=75',
];

/** At least `count` requests: every fixed address with every method, then made-up slugs and pages. */
export function fuzzRequests(count = 2_000, seed = 20261125): FuzzRequest[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const requests: FuzzRequest[] = FIXED.flatMap((path) => FUZZ_METHODS.map((method) => ({ method, path })));
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789-_.~%';
  const word = () => Array.from({ length: 1 + Math.floor(next() * 40) }, () => pick([...alphabet])).join('');
  const shapes = [
    () => `/${word()}`,
    () => `/world/${word()}`,
    () => `/${word()}/${word()}`,
    () => `/world/page/${Math.floor(next() * 1e6)}`,
    () => `/${word()}/page/${Math.floor(next() * 100)}`,
    () => `/world?page=${word()}`,
    () => `/sitemaps/articles-${Math.floor(next() * 1e6)}.xml`,
    () => `/world/${word()}.md`,
    () => `/${pick(['authors', 'tags'])}/${word()}`,
    () => `/${pick(['authors', 'tags'])}/${word()}/page/${Math.floor(next() * 100)}`,
    () =>
      `/${pick(['authors', 'tags', 'lite/authors'])}/${word()}/${pick(['feed.xml', 'atom.xml', 'feed.json', word()])}`,
    () => `/${encodeURIComponent(word() + pick(['é', '日', '🤝', '/', '?', '#', ' ']))}`,
  ];
  while (requests.length < count)
    requests.push({ method: next() < 0.8 ? 'GET' : pick(FUZZ_METHODS), path: pick(shapes)() });
  // As a browser sends them: what is not printable ASCII is percent-encoded (the raw bytes of
  // an address can only be sent that way).
  return requests.map(({ method, path }) => ({
    method,
    path: path.replace(/[^\x21-\x7e]/gu, (char) => encodeURIComponent(char)),
  }));
}

/** Machine-readable addresses answer a 4xx in a few words of text or JSON, not as a page. */
export const isMachineReadable = (path: string) =>
  /^\/(api\/|sitemaps\/|_next\/)|\/(feed\.xml|atom\.xml|feed\.json|opengraph-image)(\?|$)|\.(xml|json|txt)(\?|$)/u.test(
    path,
  );
