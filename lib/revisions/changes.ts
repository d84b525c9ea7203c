import type { BodyBlock, Dateline, Note } from '@/lib/documents/types';
import type { SectionRef } from '@/lib/queries/types';
import { plural, words } from '@/lib/i18n';
import { formatPublished } from '@/lib/time-zone';

/** One version of an article, as far as a reader can see a difference between two. */
export interface ArticleVersion {
  headline: string;
  section: SectionRef;
  dateline: Dateline | null;
  body: readonly BodyBlock[];
  /** ISO 8601; null for a version kept before revisions recorded it (then no date change is told). */
  publishedAt: string | null;
  /** The byline's names and the tags, as shown, in order. */
  authors: readonly string[];
  tags: readonly string[];
  notes: readonly Note[];
}

const datelineText = (dateline: Dateline | null) =>
  dateline ? `${dateline.place}, ${dateline.dateText} (${dateline.source})` : null;

/**
 * What changed from one version of an article to the next, in a reader's words (the site's
 * language's, lib/i18n): the
 * headline's punctuation or case (a reworded headline is another article, by identity),
 * the dateline, the section, and paragraphs (subheadings too) added, removed or changed.
 * Pure. Blocks are matched by their longest common subsequence; within each run between
 * matched blocks, as many as both sides hold count as changed, the rest as added or removed.
 */
export function describeChanges(before: ArticleVersion, after: ArticleVersion): string[] {
  const changes: string[] = [];
  const said = words().changes;
  if (before.headline !== after.headline) changes.push(said.headline);
  if (before.section.slug !== after.section.slug) {
    changes.push(said.moved(before.section.name, after.section.name));
  }
  const [datelineBefore, datelineAfter] = [datelineText(before.dateline), datelineText(after.dateline)];
  if (datelineBefore !== datelineAfter) {
    changes.push(said.dateline[datelineBefore === null ? 'added' : datelineAfter === null ? 'removed' : 'changed']);
  }
  if (before.publishedAt !== null && after.publishedAt !== null && before.publishedAt !== after.publishedAt) {
    changes.push(said.date(formatPublished(new Date(after.publishedAt))));
  }
  const bylineChange = listChange(before.authors, after.authors, said.byline);
  if (bylineChange) changes.push(bylineChange);
  const tagsChange = listChange(before.tags, after.tags, said.tags);
  if (tagsChange) changes.push(tagsChange);
  changes.push(...noteChanges(before.notes, after.notes));
  const { added, removed, changed } = compareBlocks(before.body, after.body);
  if (changed > 0) changes.push(plural(said.paragraphs.changed, changed));
  if (added > 0) changes.push(plural(said.paragraphs.added, added));
  if (removed > 0) changes.push(plural(said.paragraphs.removed, removed));
  if (changes.length === 0) changes.push(said.unchanged);
  return changes;
}

/** "Byline added", "Byline removed", "Byline changed" (names or their order), or null when the same. */
function listChange(
  before: readonly string[],
  after: readonly string[],
  what: Record<'added' | 'removed' | 'changed', string>,
): string | null {
  if (before.length === after.length && before.every((name, index) => name === after[index])) return null;
  return what[before.length === 0 ? 'added' : after.length === 0 ? 'removed' : 'changed'];
}

/** Notes added and removed (by their text), counted by kind: "Correction added", "2 editor's notes removed". */
function noteChanges(before: readonly Note[], after: readonly Note[]): string[] {
  const key = (note: Note) => `${note.kind}\u0000${note.text}`;
  const [was, is] = [new Set(before.map(key)), new Set(after.map(key))];
  const changes: string[] = [];
  for (const [list, other, verb] of [
    [after, was, 'added'],
    [before, is, 'removed'],
  ] as const) {
    for (const kind of ['correction', 'editor'] as const) {
      const count = list.filter((note) => note.kind === kind && !other.has(key(note))).length;
      if (count === 0) continue;
      changes.push(plural(words().changes.notes[kind][verb], count));
    }
  }
  return changes;
}

const blockKey = (block: BodyBlock) => `${block.type}\u0000${block.text}`;

/** Counts of blocks added, removed and changed between two bodies. */
export function compareBlocks(
  before: readonly BodyBlock[],
  after: readonly BodyBlock[],
): { added: number; removed: number; changed: number } {
  const a = before.map(blockKey);
  const b = after.map(blockKey);
  // Longest common subsequence, by dynamic programming from the ends (bodies are short).
  const lengths: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i]![j] = a[i] === b[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  let added = 0;
  let removed = 0;
  let changed = 0;
  let gapBefore = 0;
  let gapAfter = 0;
  const closeGap = () => {
    const paired = Math.min(gapBefore, gapAfter);
    changed += paired;
    removed += gapBefore - paired;
    added += gapAfter - paired;
    gapBefore = 0;
    gapAfter = 0;
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      closeGap();
      i += 1;
      j += 1;
    } else if (j >= b.length || (i < a.length && lengths[i + 1]![j]! >= lengths[i]![j + 1]!)) {
      gapBefore += 1;
      i += 1;
    } else {
      gapAfter += 1;
      j += 1;
    }
  }
  closeGap();
  return { added, removed, changed };
}
