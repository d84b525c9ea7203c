import { expect, test } from '@playwright/test';
import { leakedInternals } from './support/html';

const odd: Array<[string, string]> = [
  ['a very long path', `/${'a'.repeat(4_000)}`],
  ['a very long article slug', `/world/${'b'.repeat(2_000)}`],
  ['percent-encoded junk', '/%E0%A4%A'],
  ['percent-encoded junk in an article path', '/world/%E0%A4%A'],
  ['an overlong UTF-8 encoding', '/%C0%AE%C0%AE/etc'],
  ['an encoded path traversal', '/world/..%2f..%2f..%2fetc%2fpasswd'],
  ['a null byte', '/world/%00'],
  ['markup in the path', '/world/%3Cscript%3Ealert(1)%3C%2Fscript%3E'],
  ['junk in the page number', '/world?page=%E0%A4%A'],
  ['a repeated page number', '/world?page=1&page=2'],
];

for (const [what, path] of odd) {
  test(`${what} gets a clean answer, without a stack trace`, async ({ request }) => {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), `status of ${path.slice(0, 80)}`).toBeGreaterThanOrEqual(400);
    expect(response.status(), `status of ${path.slice(0, 80)}`).toBeLessThan(500);
    expect(leakedInternals(await response.text())).toBeNull();
  });
}

for (const path of ['/', '/world', '/world/mass-graves-in-aleppo']) {
  test(`a form POST to ${path} is refused cleanly, without a stack trace`, async ({ request }) => {
    const response = await request.post(path, { form: { junk: '\u0000<script>' } });
    expect(response.status(), `status of POST ${path}`).toBe(405);
    expect(response.headers()['allow']).toBe('GET, HEAD');
    expect(leakedInternals(await response.text())).toBeNull();
  });
}

test('a POST that poses as a server action gets a clean answer, without a stack trace', async ({ request }) => {
  const response = await request.post('/world', { headers: { 'next-action': 'not-an-action' }, data: '[]' });
  expect(response.status()).toBeLessThan(500);
  expect(leakedInternals(await response.text())).toBeNull();
});

test('a POST to a feed is refused cleanly', async ({ request }) => {
  const response = await request.post('/feed.xml', { data: 'x' });
  expect(response.status()).toBe(405);
  expect(leakedInternals(await response.text())).toBeNull();
});
