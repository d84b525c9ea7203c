import { E2E_PORT } from '../../playwright.config';
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

/** The 410 and 451 pages, as the check specs list page kinds. */
export const GONE_KINDS = [
  { kind: 'withdrawn article (410)', path: WITHDRAWN.path, status: 410 },
  { kind: 'lite copy of a withdrawn article (410)', path: `/lite${WITHDRAWN.path}`, status: 410 },
  { kind: 'legally removed article (451)', path: REMOVED.path, status: 451 },
] as const;

/** Every address of an article: its page, lite twin, Markdown copy, share image, its first version's addresses and its chain. */
export const addressesOf = (path: string) => [
  path,
  `/lite${path}`,
  `${path}.md`,
  `${path}/opengraph-image`,
  `${path}/versions/1`,
  `${path}/versions/1.md`,
  `${path}/versions/1/changes`,
  `${path}/versions.json`,
];

const slugOf = (path: string) => path.split('/').at(-1) ?? '';

/** Makes the withdrawn and the removed article of the checks, unless this run made them already. */
export async function goneArticles(base = `http://localhost:${E2E_PORT}`): Promise<void> {
  const status = async (path: string) => (await fetch(`${base}${path}`, { method: 'HEAD' })).status;
  const [withdrawn, removed] = await Promise.all([status(WITHDRAWN.path), status(REMOVED.path)]);
  if (withdrawn === 410 && removed === 451) return;
  if (withdrawn !== 410) importArticles([{ headline: WITHDRAWN.headline, section: GONE_SECTION }]);
  if (removed !== 451) importArticles([{ headline: REMOVED.headline, section: GONE_SECTION }]);
  // Another spec's worker may be making them at the same moment: what counts is what the site answers after.
  const said: string[] = [];
  const run = (args: string[]) => runWithdraw(args).catch((error: Error) => said.push(error.message));
  if (withdrawn !== 410) await run([slugOf(WITHDRAWN.path), '--reason', WITHDRAWN.reason]);
  if (removed !== 451) await run([slugOf(REMOVED.path), '--reason', 'Court order', '--legal']);
  const now = await Promise.all([status(WITHDRAWN.path), status(REMOVED.path)]);
  if (now[0] !== 410 || now[1] !== 451)
    throw new Error(`the checks' 410 and 451 pages answer ${now}:\n${said.join('\n')}`);
}
