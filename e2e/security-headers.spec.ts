import { expect, test } from '@playwright/test';
import { SEED_ARTICLES } from './support/seed';

const EXPECTED = {
  'content-security-policy':
    /^default-src 'self'; .*object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'$/u,
  'strict-transport-security': /^max-age=63072000; includeSubDomains$/u,
  'cross-origin-resource-policy': /^same-origin$/u,
  'cross-origin-opener-policy': /^same-origin$/u,
  'x-content-type-options': /^nosniff$/u,
  'x-frame-options': /^DENY$/u,
  'referrer-policy': /^strict-origin-when-cross-origin$/u,
};

for (const [what, url, status] of [
  ['the front page', '/', 200],
  ['a section page', '/world', 200],
  ['an article page', SEED_ARTICLES[0].path, 200],
  ['the 404 page', '/no-such-section-anywhere', 404],
  ['a feed', '/feed.xml', 200],
  ['robots.txt', '/robots.txt', 200],
  ['a static file', '/logo.png', 200],
  ['a bad address', '/%E0%A4%A', 400],
] as const) {
  test(`${what} is sent with the site's security headers`, async ({ request }) => {
    const response = await request.get(url);

    expect(response.status()).toBe(status);
    const headers = response.headers();
    for (const [name, value] of Object.entries(EXPECTED)) expect(headers[name], name).toMatch(value);
  });
}
