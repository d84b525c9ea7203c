import { parse } from 'node-html-parser';

/** Text as a reader reads it: any run of white space, no-break spaces included, is one space. */
export const normalizeSpace = (text: string) => text.replace(/\s+/gu, ' ').trim();

/** The texts of a page's `h1` elements, from its HTML, entities decoded. */
export function h1Texts(html: string): string[] {
  return parse(html)
    .querySelectorAll('h1')
    .map((heading) => normalizeSpace(heading.text));
}

// What a leaked error looks like: a V8 stack frame, an error class with its message,
// or a path on the server's disk.
const LEAK_PATTERNS: RegExp[] = [
  /\bat [\w$.<>[\] ]+ \(?(?:file:\/\/|\/|[A-Z]:\\|node:)[^)\s]*:\d+:\d+\)?/u,
  /^\s+at \S.*:\d+:\d+\)?$/mu,
  /\b(?:Type|Reference|Syntax|Range|Prisma\w*)?Error: /u,
  /node_modules\//u,
  /webpack-internal:/u,
];

/** The first piece of a response body that gives away the server's internals, or null when there is none. */
export function leakedInternals(body: string): string | null {
  const cwd = process.cwd();
  if (body.includes(cwd)) return cwd;
  for (const pattern of LEAK_PATTERNS) {
    const match = pattern.exec(body);
    if (match) return match[0];
  }
  return null;
}
