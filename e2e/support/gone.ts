import { importArticles, plainSlug } from './import';
import { runWithdraw } from './withdrawal';

/**
 * What the check specs (headers, axe, no JavaScript, abuse, 404 neighbours) need of withdrawal
 * and legal removal: an article withdrawn, and one removed for legal reasons, at fixed names,
 * made once per run of the browser tests (each spec asks before it starts; a second ask finds them
 * made and changes nothing).
 */
export const GONE_SECTION = 'Gone Desk';
export const WITHDRAWN = {
  headline: 'Harbour tally withdrawn for the checks',
  path: `/${plainSlug(GONE_SECTION)}/${plainSlug('Harbour tally withdrawn for the checks')}`,
  reason: 'The tally relied on a count that was later found to be wrong.',
} as const;
export const REMOVED = {
  headline: 'Harbour claim removed for the checks',
  path: `/${plainSlug(GONE_SECTION)}/${plainSlug('Harbour claim removed for the checks')}`,
} as const;

/** Every address of an article: its page, lite twin, Markdown copy and share image. */
export const addressesOf = (path: string) => [path, `/lite${path}`, `${path}.md`, `${path}/opengraph-image`];

const slugOf = (path: string) => path.split('/').at(-1) ?? '';

/** Makes the withdrawn and the removed article of the checks, unless this run made them already. */
export async function goneArticles(base: string): Promise<void> {
  const status = async (path: string) => (await fetch(`${base}${path}`, { method: 'HEAD' })).status;
  const [withdrawn, removed] = await Promise.all([status(WITHDRAWN.path), status(REMOVED.path)]);
  if (withdrawn === 410 && removed === 451) return;
  if (withdrawn !== 410) importArticles([{ headline: WITHDRAWN.headline, section: GONE_SECTION }]);
  if (removed !== 451) importArticles([{ headline: REMOVED.headline, section: GONE_SECTION }]);
  if (withdrawn !== 410) await runWithdraw([slugOf(WITHDRAWN.path), '--reason', WITHDRAWN.reason]);
  if (removed !== 451) await runWithdraw([slugOf(REMOVED.path), '--reason', 'Court order', '--legal']);
}
