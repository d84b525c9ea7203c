import { bodyMarkdown, escapeMarkdown } from '@/lib/feeds/markdown';
import type { ArticleVersion } from '@/lib/revisions/changes';

/**
 * One version of an article as a Markdown document: what `/<section>/<article>/versions/<n>.md`
 * serves and what its hash in the chain covers (lib/versions/chain.ts). Byte-stable forever, so
 * it is made of what the version stored and nothing else: no address (an article may move
 * section), no link (SITE_URL may change), times in UTC (SITE_TIME_ZONE may change), the byline
 * and tags as the names they had, and its few labels fixed English words, never translated
 * (SITE_LANGUAGE may change), each note marked by its kind (`correction`, `editor`). lib/versions/markdown.test.ts holds its bytes (and so the body's
 * rule it shares with the article's copy, lib/feeds/markdown.ts): a change there would break
 * every published hash, so the test must fail first.
 */
export interface VersionText extends ArticleVersion {
  /** 1 for the first. */
  n: number;
  /** ISO 8601 (UTC): when it was written (the import that stored it). */
  writtenAt: string;
}

export function versionMarkdown(version: VersionText): string {
  const { n, writtenAt } = version;
  const lines = [
    `# ${escapeMarkdown(version.headline)}`,
    '',
    `Version: ${n}, written ${writtenAt}  `,
    ...(version.authors.length > 0 ? [`Byline: ${version.authors.map(escapeMarkdown).join(', ')}  `] : []),
    `Section: ${escapeMarkdown(version.section.name)}  `,
    ...(version.tags.length > 0 ? [`Tags: ${version.tags.map(escapeMarkdown).join(', ')}  `] : []),
    ...(version.publishedAt ? [`Published: ${version.publishedAt}  `] : []),
  ];
  // Markdown ends a line that closes with two spaces with a break: the last header line needs none.
  lines[lines.length - 1] = lines.at(-1)!.trimEnd();
  for (const note of version.notes) {
    lines.push('', `> **${note.kind}:** ${escapeMarkdown(note.text.trim())}`);
  }
  lines.push(...bodyMarkdown(version));
  return `${lines.join('\n')}\n`;
}
