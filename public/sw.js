// The service worker for offline reading. It keeps the pages a reader saved (and the
// build's files those pages use), and /saved, and nothing else: every other request goes
// to the network untouched. A saved page is always asked of the network first, so that a
// reader online never sees an old copy (an import may have corrected it since); the copy
// is refreshed from that answer and served when the network does not answer, or when the
// site answers with a server error (a 503 while it is down or overloaded). A saved article the
// site answers 410 (withdrawn) or 451 (removed for legal reasons) is dropped the next time the
// worker reaches the site, and remembered as gone, so that /saved says so instead of opening it.
const CACHE = 'saved-pages-v1';
/** The saved pages found withdrawn or removed: their path, and the status the site answered. */
const GONE = 'saved-gone-v1';
const GONE_STATUSES = new Set([410, 451]);
/** How often a navigation that reached the site has the saved pages asked for again (ms). */
const CHECK_EVERY_MS = 10 * 60 * 1000;
let checkedAt = 0;
const SAVED_LIST = '/saved';
const ASSET = /(?:href|src)="(\/_next\/static\/[^"?#]+)"/gu;
const CSS_URL = /url\((\/_next\/static\/[^)?#]+)\)/gu;

/**
 * A path of this site: one '/' and then anything but another '/' or a backslash (browsers
 * read `//host` and `/\host` as another site's address), and nothing that resolves elsewhere.
 */
function isSitePath(path) {
  if (typeof path !== 'string' || !/^\/[^/\\]/u.test(path)) return false;
  try {
    return new URL(path, self.location.origin).origin === self.location.origin;
  } catch {
    return false;
  }
}

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

/** Keeps the build files a page (or a stylesheet) names that are not kept yet; they never change. */
async function keepAssets(cache, text, pattern) {
  const assets = [...new Set([...text.matchAll(pattern)].map((match) => match[1]))];
  await Promise.all(
    assets.map(async (asset) => {
      if (await cache.match(asset)) return;
      const response = await fetch(asset);
      if (!response.ok) throw new Error(`${asset}: ${response.status}`);
      if (asset.endsWith('.css')) await keepAssets(cache, await response.clone().text(), CSS_URL);
      await cache.put(asset, response);
    }),
  );
}

/** Keeps a page's answer, and the files it needs. */
async function keepPage(cache, path, response) {
  await keepAssets(cache, await response.clone().text(), ASSET);
  await cache.put(path, response);
}

/** Drops the build files no kept page needs any more (those of earlier builds, or of removed pages). */
async function prune(cache) {
  const requests = await cache.keys();
  const isAsset = (request) => new URL(request.url).pathname.startsWith('/_next/static/');
  const needed = new Set();
  for (const request of requests.filter((request) => !isAsset(request))) {
    const text = await (await cache.match(request)).text();
    for (const [, asset] of text.matchAll(ASSET)) needed.add(asset);
  }
  for (const request of requests.filter(isAsset)) {
    const asset = new URL(request.url).pathname;
    if (asset.endsWith('.css') && needed.has(asset)) {
      for (const [, font] of (await (await cache.match(request)).text()).matchAll(CSS_URL)) needed.add(font);
    }
  }
  await Promise.all(
    requests
      .filter((request) => isAsset(request) && !needed.has(new URL(request.url).pathname))
      .map((request) => cache.delete(request)),
  );
}

async function save(path) {
  const cache = await caches.open(CACHE);
  for (const page of [path, SAVED_LIST]) {
    const response = await fetch(page, { cache: 'no-cache' });
    if (!response.ok) throw new Error(`${page}: ${response.status}`);
    await keepPage(cache, page, response);
  }
}

async function remove(path) {
  const cache = await caches.open(CACHE);
  await cache.delete(path);
  await (await caches.open(GONE)).delete(path);
  await prune(cache);
}

/** Drops the copy of a page the site says is gone, and remembers that it is (with the status). */
async function dropGone(cache, path, status) {
  await (await caches.open(GONE)).put(path, new Response(String(status)));
  await cache.delete(path);
  await prune(cache);
}

/** The saved pages (not /saved, not build files). */
async function keptPages(cache) {
  return (await cache.keys())
    .map((request) => new URL(request.url).pathname)
    .filter((path) => path !== SAVED_LIST && !path.startsWith('/_next/static/'));
}

/**
 * Asks the site for each saved page again (its headers only): one it answers 410 or 451 is
 * dropped; one whose validator changed is fetched whole and kept in place of the old copy, so that
 * a saved article reads offline as corrected. Any other answer, or none (offline), leaves the copy
 * as it is.
 */
async function checkKept() {
  checkedAt = Date.now();
  const cache = await caches.open(CACHE);
  await Promise.all(
    (await keptPages(cache)).map(async (path) => {
      const response = await fetch(path, { method: 'HEAD', cache: 'no-cache', redirect: 'manual' }).catch(() => null);
      if (!response) return;
      if (GONE_STATUSES.has(response.status)) return dropGone(cache, path, response.status);
      const kept = await cache.match(path);
      if (response.status !== 200 || !kept || kept.headers.get('etag') === response.headers.get('etag')) return;
      const fresh = await fetch(path, { cache: 'no-cache', redirect: 'manual' }).catch(() => null);
      if (fresh?.status === 200) await cache.put(path, fresh);
    }),
  );
}

/** The version of each kept article (its page's `data-version`): path → version. */
async function versionsOf(paths) {
  const cache = await caches.open(CACHE);
  const found = {};
  for (const path of paths.filter(isSitePath)) {
    const kept = await cache.match(path);
    const version = kept && /<article[^>]* data-version="(\d+)"/u.exec(await kept.text())?.[1];
    if (version) found[path] = Number(version);
  }
  return found;
}

/** Which of these paths the site said are gone: path → 410 or 451. */
async function goneOf(paths) {
  const gone = await caches.open(GONE);
  const found = {};
  for (const path of paths.filter(isSitePath)) {
    const kept = await gone.match(path);
    if (kept) found[path] = Number(await kept.text());
  }
  return found;
}

self.addEventListener('message', (event) => {
  const { type, path, paths } = event.data ?? {};
  const [port] = event.ports;
  // /saved asks which of its articles are gone, once each saved page was asked for again.
  if (type === 'check' && Array.isArray(paths)) {
    event.waitUntil(
      checkKept()
        .then(() => Promise.all([goneOf(paths), versionsOf(paths)]))
        .then(
          ([gone, versions]) => port?.postMessage({ ok: true, gone, versions }),
          (error) => port?.postMessage({ ok: false, error: String(error) }),
        ),
    );
    return;
  }
  if (!isSitePath(path)) {
    port?.postMessage({ ok: false, error: 'not a path of this site' });
    return;
  }
  const work = type === 'save' ? save(path) : type === 'remove' ? remove(path) : null;
  if (!work) return;
  event.waitUntil(
    work.then(
      () => port?.postMessage({ ok: true }),
      (error) => port?.postMessage({ ok: false, error: String(error) }),
    ),
  );
});

const OFFLINE_HEAD = '<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">';
const OFFLINE_STYLE = 'font-family:system-ui,sans-serif;margin:2rem;line-height:1.5';
const OFFLINE_PAGE = `<!doctype html><html lang="en"><head>${OFFLINE_HEAD}<title>Offline</title></head><body style="${OFFLINE_STYLE}"><h1>You are offline</h1><p>This page was not saved for offline reading.</p><p><a href="/saved">Your saved articles</a></p></body></html>`;

/**
 * The page that says a page was not saved, in the site's language: the kept /saved page carries
 * its words (a <template id="offline-page">, already escaped markup) and its <html lang/dir>;
 * the English one above when it carries none (a copy kept by an earlier build).
 */
async function offlinePage(cache) {
  const saved = await cache.match(SAVED_LIST);
  const text = saved ? await saved.text() : '';
  const template = /<template id="offline-page" data-title="([^"]*)">([\s\S]*?)<\/template>/u.exec(text);
  if (!template) return OFFLINE_PAGE;
  const html = /<html([^>]*)>/u.exec(text)?.[1] ?? '';
  const lang = /\slang="([^"]*)"/u.exec(html)?.[1] ?? 'en';
  const dir = /\sdir="([^"]*)"/u.exec(html)?.[1] ?? 'ltr';
  return `<!doctype html><html lang="${lang}" dir="${dir}"><head>${OFFLINE_HEAD}<title>${template[1]}</title></head><body style="${OFFLINE_STYLE}">${template[2]}</body></html>`;
}

/**
 * A page: the network's answer when there is one (refreshing a saved copy), the saved copy
 * when not, or when the site answers with a server error.
 */
async function page(event, path) {
  const cache = await caches.open(CACHE);
  let response;
  try {
    // Past the browser's HTTP cache, which may hold the page stale (stale-while-revalidate): the
    // server's answer is the latest text. A redirect is handed to the browser to follow.
    response = await fetch(event.request.url, { cache: 'no-cache', redirect: 'manual' });
  } catch (error) {
    const saved = await cache.match(path);
    if (saved) return saved;
    if (await cache.match(SAVED_LIST))
      return new Response(await offlinePage(cache), {
        status: 503,
        headers: { 'content-type': 'text/html; charset=utf-8' },
      });
    throw error;
  }
  if (response.status >= 500) {
    const saved = await cache.match(path);
    if (saved) return saved;
  }
  if (GONE_STATUSES.has(response.status) && (await cache.match(path))) {
    event.waitUntil(dropGone(cache, path, response.status).catch(() => {}));
  } else if (response.status < 500 && Date.now() - checkedAt > CHECK_EVERY_MS) {
    // The site answered: a good time to find saved articles withdrawn since.
    event.waitUntil(checkKept().catch(() => {}));
  }
  if (response.ok && (await cache.match(path))) {
    event.waitUntil(
      keepPage(cache, path, response.clone())
        .then(() => prune(cache))
        .catch(() => {}),
    );
  }
  return response;
}

/** A build file: the kept copy if there is one (they never change), the network otherwise. */
async function asset(request) {
  const cache = await caches.open(CACHE);
  return (await cache.match(request)) ?? fetch(request);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') event.respondWith(page(event, url.pathname));
  else if (url.pathname.startsWith('/_next/static/')) event.respondWith(asset(request));
});
