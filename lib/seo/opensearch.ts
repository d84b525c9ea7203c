import { words } from '@/lib/i18n';
import { xmlDocument } from '@/lib/feeds/xml';
import { SITE_LANGUAGE, SITE_NAME, absoluteUrl } from '@/lib/site';

export const OPENSEARCH_PATH = '/opensearch.xml';
export const OPENSEARCH_TYPE = 'application/opensearchdescription+xml';
/** OpenSearch 1.1: ShortName holds "16 or fewer characters of plain text". */
const SHORT_NAME_MAX = 16;

/** The site's name as a search engine's short name: whole if it fits, else without a leading "The", else cut at a word. */
export function openSearchShortName(name = SITE_NAME): string {
  if (name.length <= SHORT_NAME_MAX) return name;
  const withoutArticle = name.replace(/^the\s+/iu, '');
  if (withoutArticle.length <= SHORT_NAME_MAX) return withoutArticle;
  const cut = withoutArticle.slice(0, SHORT_NAME_MAX + 1);
  const boundary = cut.lastIndexOf(' ');
  return (boundary > 0 ? cut.slice(0, boundary) : cut.slice(0, SHORT_NAME_MAX)).trim();
}

/**
 * The OpenSearch description (opensearch.org, 1.1): lets a browser add the site as a search
 * engine, searching /search?q=… . Linked from every page's head (app/layout.tsx).
 */
export function openSearchDescription(): string {
  return xmlDocument({
    OpenSearchDescription: {
      '@_xmlns': 'http://a9.com/-/spec/opensearch/1.1/',
      ShortName: openSearchShortName(),
      Description: words().search.description(SITE_NAME),
      InputEncoding: 'UTF-8',
      Language: SITE_LANGUAGE,
      Image: { '@_width': '16', '@_height': '16', '@_type': 'image/x-icon', '#text': absoluteUrl('/favicon.ico') },
      Url: [
        { '@_type': 'text/html', '@_method': 'get', '@_template': absoluteUrl('/search?q={searchTerms}') },
        { '@_type': OPENSEARCH_TYPE, '@_rel': 'self', '@_template': absoluteUrl(OPENSEARCH_PATH) },
      ],
    },
  });
}
