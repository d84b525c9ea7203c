import { describe, expect, test } from 'vitest';
import { cacheableResponse } from './cacheable-response';
import { entityTag } from './conditional';

const representation = {
  body: '<rss/>',
  contentType: 'application/rss+xml; charset=utf-8',
  lastModified: new Date('2026-03-02T11:30:00.500Z'),
};
const request = (headers: Record<string, string> = {}, method = 'GET') =>
  new Request('http://localhost/feed.xml', { method, headers });

describe('a cacheable response', () => {
  test('carries a strong ETag, Last-Modified in HTTP date form, and a Cache-Control a CDN may share', async () => {
    const response = cacheableResponse(request(), representation);
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toMatch(/^"[\w-]+"$/u);
    expect(response.headers.get('last-modified')).toBe('Mon, 02 Mar 2026 11:30:00 GMT');
    expect(response.headers.get('cache-control')).toMatch(/\bpublic\b.*\bs-maxage=\d+/u);
    expect(await response.text()).toBe('<rss/>');
  });

  test('is 304 with no body when If-None-Match names its ETag, weakly or among others', async () => {
    const etag = entityTag(representation.body);
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const response = cacheableResponse(request({ 'if-none-match': header }), representation);
      expect(response.status, header).toBe(304);
      expect(response.headers.get('etag')).toBe(etag);
      expect(await response.text()).toBe('');
    }
  });

  test('is 200 when If-None-Match names another version, even if If-Modified-Since would match', () => {
    const response = cacheableResponse(
      request({ 'if-none-match': '"stale"', 'if-modified-since': 'Mon, 02 Mar 2026 12:00:00 GMT' }),
      representation,
    );
    expect(response.status).toBe(200);
  });

  test('is 304 when If-Modified-Since is at or after the last change, to the second', () => {
    const same = cacheableResponse(request({ 'if-modified-since': 'Mon, 02 Mar 2026 11:30:00 GMT' }), representation);
    const earlier = cacheableResponse(
      request({ 'if-modified-since': 'Mon, 02 Mar 2026 11:29:59 GMT' }),
      representation,
    );
    expect(same.status).toBe(304);
    expect(earlier.status).toBe(200);
  });

  test('ignores an If-Modified-Since that is not a date', () => {
    expect(cacheableResponse(request({ 'if-modified-since': 'yesterday' }), representation).status).toBe(200);
  });

  test('answers HEAD with the headers of GET and no body', async () => {
    const response = cacheableResponse(request({}, 'HEAD'), representation);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(representation.contentType);
    expect(await response.text()).toBe('');
  });
});
