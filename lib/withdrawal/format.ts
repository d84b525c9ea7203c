import { minuteIn } from '@/lib/importer/format-report';
import { absoluteUrl } from '@/lib/site';
import { siteTimeZone } from '@/lib/time-zone';
import type { ActionOutcome, RecordedAction, RemovalInForce, WithdrawnArticle } from './actions';

/** `--list`: each withdrawn article (address, headline, when, why), then each legal removal in force (when, why). */
export function formatList(
  { withdrawn, removals }: { withdrawn: readonly WithdrawnArticle[]; removals: readonly RemovalInForce[] },
  timeZone = siteTimeZone(),
): string {
  const minute = minuteIn(timeZone);
  const lines = [withdrawn.length === 0 ? 'No article is withdrawn.' : `Withdrawn (${withdrawn.length}):`];
  for (const article of withdrawn)
    lines.push(
      `  ${article.address}  "${article.headline}"`,
      `    withdrawn ${minute(article.withdrawnAt)} (${timeZone}): ${article.reason}`,
    );
  lines.push(removals.length === 0 ? 'No legal removal is in force.' : `Legal removals in force (${removals.length}):`);
  // No headline or address: none is kept.
  for (const removal of removals) lines.push(`  ${minute(removal.removedAt)} (${timeZone}): ${removal.reason}`);
  return lines.join('\n');
}

const count = (detail: Record<string, unknown>, key: string) =>
  typeof detail[key] === 'number' ? (detail[key] as number) : 0;

/** One action of the record as a line: when, what, where, why. */
function recordLine(action: RecordedAction, minute: (at: Date) => string): string {
  const when = minute(action.at);
  const why = action.reason ? `: ${action.reason}` : '';
  // A legal removal took the address off every row about the article: which removal it was says enough.
  const where = action.address ?? (action.legalRemovalId ? `(legal removal #${action.legalRemovalId})` : '');
  switch (action.kind) {
    case 'import': {
      const { detail } = action;
      const file = typeof detail.document === 'string' ? detail.document : '(a document)';
      return (
        `${when}  import  ${file}: ${count(detail, 'added')} added, ${count(detail, 'changed')} changed, ` +
        `${count(detail, 'unchanged')} unchanged, ${count(detail, 'withdrawn')} withdrawn (not republished)`
      );
    }
    case 'legal-removal':
      return `${when}  legal removal #${action.legalRemovalId ?? '?'}${action.detail.escalated ? ' (was withdrawn)' : ''}${why}`;
    default:
      return `${when}  ${action.kind} ${where}${why}`;
  }
}

/** `--log`: the record of editorial actions, newest first. */
export function formatRecord(
  { actions, total }: { actions: readonly RecordedAction[]; total: number },
  timeZone = siteTimeZone(),
): string {
  if (total === 0) return 'The record is empty: no import or editorial action yet.';
  const minute = minuteIn(timeZone);
  const lines = [`Editorial actions, newest first (times in ${timeZone}):`];
  for (const action of actions) lines.push(recordLine(action, minute));
  if (total > actions.length) lines.push(`… and ${total - actions.length} older (--limit N to see more)`);
  return lines.join('\n');
}

/** What a CDN in front of the site must purge, as full addresses. */
export function formatPurge(outcome: Pick<ActionOutcome, 'purge'>): string | null {
  if (outcome.purge.length === 0) return null;
  return [
    'A cache in front of the site (a CDN) must purge these addresses (or everything: later listing pages and feed archives shift too):',
    ...outcome.purge.map((path) => `  ${absoluteUrl(path)}`),
  ].join('\n');
}
