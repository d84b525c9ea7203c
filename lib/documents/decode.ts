import type { DocumentProblem } from '@/lib/documents/types';

const UTF8_CHUNK_BYTES = 1 << 20;

/** The text of a document's bytes (UTF-8, a leading byte-order mark dropped), or the one problem that stops it being read. */
export function decodeDocument(bytes: Uint8Array): { text: string } | { problem: DocumentProblem } {
  const unicodeForm = otherUnicodeForm(bytes);
  if (unicodeForm) {
    return { problem: { line: 1, message: `the file is ${unicodeForm}: save it as UTF-8` } };
  }
  try {
    // A fatal decoder rejects rather than turning bad bytes into U+FFFD; it drops a BOM.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { problem: { line: firstLineNotUtf8(bytes), message: 'bytes that are not UTF-8' } };
  }
}

/** Names the encoding that a byte-order mark other than UTF-8's announces. */
function otherUnicodeForm(bytes: Uint8Array): string | null {
  const [b0, b1, b2, b3] = bytes;
  // UTF-32's marks are tested first: little-endian UTF-32 starts with UTF-16's FF FE.
  if (b0 === 0xff && b1 === 0xfe && b2 === 0x00 && b3 === 0x00)
    return 'UTF-32 (little-endian, byte-order mark FF FE 00 00)';
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff)
    return 'UTF-32 (big-endian, byte-order mark 00 00 FE FF)';
  if (b0 === 0xff && b1 === 0xfe) return 'UTF-16 (little-endian, byte-order mark FF FE)';
  if (b0 === 0xfe && b1 === 0xff) return 'UTF-16 (big-endian, byte-order mark FE FF)';
  return null;
}

/** The 1-based line of the first byte that is not UTF-8, in bytes known to hold one. */
function firstLineNotUtf8(bytes: Uint8Array): number {
  // No UTF-8 sequence contains 0x0A, so the bytes can be checked in pieces that end
  // at a line feed: a megabyte at a time, then the failing piece line by line.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  while (start < bytes.length) {
    const newline = bytes.indexOf(0x0a, Math.min(start + UTF8_CHUNK_BYTES, bytes.length - 1));
    const end = newline < 0 ? bytes.length : newline + 1;
    const chunk = bytes.subarray(start, end);
    if (!isUtf8(decoder, chunk)) return line + firstLineNotUtf8InChunk(decoder, chunk);
    line += countLineFeeds(chunk);
    start = end;
  }
  return line;
}

function firstLineNotUtf8InChunk(decoder: TextDecoder, chunk: Uint8Array): number {
  let start = 0;
  for (let line = 0; ; line++) {
    const newline = chunk.indexOf(0x0a, start);
    const end = newline < 0 ? chunk.length : newline;
    if (newline < 0 || !isUtf8(decoder, chunk.subarray(start, end))) return line;
    start = newline + 1;
  }
}

function isUtf8(decoder: TextDecoder, bytes: Uint8Array): boolean {
  try {
    decoder.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function countLineFeeds(bytes: Uint8Array): number {
  let count = 0;
  for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) count++;
  return count;
}
