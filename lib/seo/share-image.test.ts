import { AsyncLocalStorage } from 'node:async_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterEach, expect, test, vi } from 'vitest';
import { drawShareImage, drawableText, shareImage } from './share-image';

afterEach(() => {
  vi.unstubAllGlobals();
});

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

test('draws a 1200×630 PNG from a headline in any script without fetching a font or an emoji', async () => {
  const realFetch = globalThis.fetch;
  const network: string[] = [];
  // The renderer loads its own WebAssembly from a data: URL; anything else would leave the machine.
  vi.stubGlobal('fetch', (input: string | URL | Request, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.startsWith('data:')) return realFetch(input, init);
    network.push(url);
    return Promise.reject(new Error('the share image must not use the network'));
  });
  const response = drawShareImage({
    kicker: 'Κόσμος',
    title: 'Ελλάδα, 中国, مصر, Россия and Łódź agree 🤝 on “trade” — 100% ✓',
  });
  const png = new Uint8Array(await response.arrayBuffer());
  expect(network).toEqual([]);
  expect([...png.slice(0, 8)]).toEqual(PNG_SIGNATURE);
  const view = new DataView(png.buffer);
  expect([view.getUint32(16), view.getUint32(20)]).toEqual([1200, 630]);
});

test.each([
  ['Arabic', { kicker: 'World', title: 'مقتل ثلاثة في غارة على دمشق، بحسب رويترز؟', language: 'ar' }],
  ['Hebrew', { kicker: 'World', title: 'ראש הממשלה נפגש עם נשיא ארה"ב בוושינגטון', language: 'he' }],
  ['Chinese', { kicker: 'World', title: '阿斯塔纳谈判结束，各方同意延长停火', language: 'zh' }],
  ['Japanese', { kicker: 'World', title: '東京で大雨、交通機関に影響', language: 'ja' }],
  ['Thai (no headline)', { kicker: 'World', title: 'กรุงเทพฯ น้ำท่วมหนัก', language: 'th' }],
])('draws a card with a %s headline from the fonts shipped from npm, with no request', async (_, card) => {
  const network: string[] = [];
  const realFetch = globalThis.fetch;
  vi.stubGlobal('fetch', (input: string | URL | Request, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.startsWith('data:')) return realFetch(input, init);
    network.push(url);
    return Promise.reject(new Error('the share image must not use the network'));
  });
  const png = new Uint8Array(await drawShareImage(card).arrayBuffer());
  expect(network).toEqual([]);
  expect([...png.slice(0, 8)]).toEqual(PNG_SIGNATURE);
});

test('keeps Latin and Cyrillic text and typographic quotes as written', () => {
  expect(drawableText('‘UN’s inactivity’ — Łódź, Россия…')).toBe('‘UN’s inactivity’ — Łódź, Россия…');
});

test('transliterates what the bundled font cannot draw and leaves out what has no Latin spelling', () => {
  expect(drawableText('Ελλάδα 🤝 中 now')).toBe('Ellada now');
});

test('sends a card drawn once per text, with an ETag naming what it shows and the site’s shared cache header', async () => {
  const card = { kicker: 'World', title: 'Mass Graves in Aleppo' };
  const [first, second] = await Promise.all([shareImage(card), shareImage(card)]);
  const other = await shareImage({ ...card, title: 'Mass graves in Aleppo: the count rises' });
  expect(first.headers.get('content-type')).toBe('image/png');
  expect(first.headers.get('cache-control')).toMatch(/^public, .*s-maxage=60/u);
  expect(first.headers.get('etag')).toMatch(/^"[\w-]{40,}"$/u);
  expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
  expect(other.headers.get('etag')).not.toBe(first.headers.get('etag'));
  const [a, b] = [new Uint8Array(await first.arrayBuffer()), new Uint8Array(await second.arrayBuffer())];
  expect([...a.slice(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
});

test('a kept card does not keep the request that first asked for it', async () => {
  // Next keeps each request's whole render state in an AsyncLocalStorage; a promise made in it
  // holds on to that store for as long as the promise lives.
  const request = new AsyncLocalStorage<{ render: Uint8Array }>();
  const card = { kicker: 'World', title: 'Kept without its request' };
  let asked: WeakRef<object> | undefined;
  const etag = await request.run({ render: new Uint8Array(1_000_000) }, async () => {
    asked = new WeakRef(request.getStore()!);
    return (await shareImage(card)).headers.get('etag');
  });
  expect((await shareImage(card)).headers.get('etag')).toBe(etag);
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    gc();
  }
  expect(asked?.deref()).toBeUndefined();
});
