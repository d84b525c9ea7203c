import { XMLParser } from 'fast-xml-parser';
import { expect, test } from 'vitest';
import { absoluteUrl } from '@/lib/site';
import { openSearchDescription, openSearchShortName } from './opensearch';

test('the OpenSearch description sends a browser’s searches to /search?q=, and names itself', () => {
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(openSearchDescription());
  const description = parsed.OpenSearchDescription;
  expect(description.xmlns).toBe('http://a9.com/-/spec/opensearch/1.1/');
  expect(description.InputEncoding).toBe('UTF-8');
  expect(description.Url).toContainEqual({
    type: 'text/html',
    method: 'get',
    template: absoluteUrl('/search?q={searchTerms}'),
  });
  expect(description.Url).toContainEqual({
    type: 'application/opensearchdescription+xml',
    rel: 'self',
    template: absoluteUrl('/opensearch.xml'),
  });
});

test('a search engine’s short name is at most 16 characters, as OpenSearch asks', () => {
  expect(openSearchShortName('The Daily Dispatch')).toBe('Daily Dispatch');
  expect(openSearchShortName('Herald')).toBe('Herald');
  expect(openSearchShortName('The Northern Provinces Evening Telegraph')).toBe('Northern');
  expect(openSearchShortName('Supercalifragilisticexpialidocious')).toBe('Supercalifragili');
});
