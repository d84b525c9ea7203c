import { XMLBuilder } from 'fast-xml-parser';

// XML 1.0 §2.2 Char: other control characters cannot appear in a document even as references.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export const xmlSafeText = (text: string) => text.replace(NOT_XML_CHAR, '');

function xmlSafe(value: unknown): unknown {
  if (typeof value === 'string') return xmlSafeText(value);
  if (Array.isArray(value)) return value.map(xmlSafe);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, xmlSafe(inner)]));
  }
  return value;
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  format: true,
  suppressEmptyNode: true,
  suppressBooleanAttributes: false,
  processEntities: true,
});

/**
 * An XML document from a plain object (`@_name` keys are attributes, `#text` is text,
 * arrays repeat an element): the library escapes every text and attribute value.
 */
export function xmlDocument(root: Record<string, unknown>): string {
  return builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' }, ...(xmlSafe(root) as object) });
}
