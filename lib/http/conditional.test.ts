import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { conditionalAnswer, encodedTag, entityTag, FINISHED_BY_SERVER, handOver, noneMatch } from './conditional';

const etag = entityTag('<rss/>');
const none = { ifNoneMatch: null, ifModifiedSince: null };
const validators = { etag, lastModified: 'Mon, 02 Mar 2026 11:30:00 GMT' };

describe('entityTag', () => {
  it('is one strong tag per body, the same for its text and its bytes', () => {
    expect(etag).toMatch(/^"[\w-]{43}"$/u);
    expect(entityTag(Buffer.from('<rss/>'))).toBe(etag);
    expect(entityTag('<rss />')).not.toBe(etag);
  });
});

describe('If-None-Match', () => {
  it.each([
    [etag, true],
    [`W/${etag}`, true],
    [`"other", ${etag}`, true],
    ['*', true],
    [encodedTag(etag, 'gzip'), true],
    [encodedTag(etag, 'br'), true],
    [`W/${encodedTag(etag, 'br')}`, true],
    ['"other"', false],
    [`"other", "${etag.slice(1, -2)}"`, false],
  ])('%s names the body: %s', (header, expected) => {
    expect(noneMatch(header, etag)).toBe(expected);
    expect(noneMatch(header, encodedTag(etag, 'br'))).toBe(expected);
  });

  it('gives each compressed copy its own strong tag, and leaves a weak one as it is', () => {
    expect(new Set([etag, encodedTag(etag, 'br'), encodedTag(etag, 'gzip')]).size).toBe(3);
    expect(encodedTag(etag, null)).toBe(etag);
    expect(encodedTag('W/"5-abc"', 'gzip')).toBe('W/"5-abc"');
  });
});

describe('conditionalAnswer', () => {
  it('answers 304 with no body to the version the client has, by tag or by date', () => {
    expect(conditionalAnswer('GET', { ...none, ifNoneMatch: etag }, validators)).toEqual({ status: 304, body: false });
    expect(conditionalAnswer('GET', { ...none, ifModifiedSince: 'Mon, 02 Mar 2026 11:30:00 GMT' }, validators)).toEqual(
      { status: 304, body: false },
    );
    expect(conditionalAnswer('GET', { ...none, ifModifiedSince: 'Mon, 02 Mar 2026 11:29:59 GMT' }, validators)).toEqual(
      { status: 200, body: true },
    );
  });

  it('lets If-None-Match win over If-Modified-Since, either way', () => {
    const later = 'Mon, 02 Mar 2026 12:00:00 GMT';
    expect(conditionalAnswer('GET', { ifNoneMatch: '"stale"', ifModifiedSince: later }, validators).status).toBe(200);
    // A response without an ETag cannot match a tag, and the date is then not looked at.
    expect(
      conditionalAnswer('GET', { ifNoneMatch: etag, ifModifiedSince: later }, { ...validators, etag: null }).status,
    ).toBe(200);
  });

  it('answers a HEAD with the status of a GET and no body', () => {
    expect(conditionalAnswer('HEAD', none, validators)).toEqual({ status: 200, body: false });
    expect(conditionalAnswer('HEAD', { ...none, ifNoneMatch: etag }, validators)).toEqual({ status: 304, body: false });
  });
});

describe('handOver', () => {
  const request = (method: string, headers: http.IncomingHttpHeaders) =>
    Object.assign(new http.IncomingMessage(null as never), { method, headers: { ...headers } });

  it('takes the conditions off a GET or HEAD, asks for a GET and marks it, over a mark the client sent', () => {
    const req = request('HEAD', { 'if-none-match': etag, 'if-modified-since': 'yesterday', [FINISHED_BY_SERVER]: 'x' });
    expect(handOver(req)).toEqual({ method: 'HEAD', conditions: { ifNoneMatch: etag, ifModifiedSince: 'yesterday' } });
    expect(req.method).toBe('GET');
    expect(req.headers).toEqual({ [FINISHED_BY_SERVER]: '1' });
  });

  it('leaves other methods as they came, and takes off a mark the client sent', () => {
    const req = request('POST', { 'if-none-match': etag, [FINISHED_BY_SERVER]: '1' });
    expect(handOver(req)).toBeNull();
    expect(req.method).toBe('POST');
    expect(req.headers).toEqual({ 'if-none-match': etag });
  });
});
