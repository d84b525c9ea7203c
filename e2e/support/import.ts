import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { E2E_DATA_DIR } from '../../playwright.config';
import { listingDocument, type DocumentArticle as ListingArticle } from '../../test/support/listing';

export interface ImportRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the editor's import script (`npm run seed`) into the running site's database. */
export function runImport(args: string[], env: Record<string, string | undefined> = {}): ImportRun {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/seed.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: E2E_DATA_DIR, DATABASE_URL: '', ...env },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Writes documents (name → text) to a fresh folder and returns its path. */
export function writeDocuments(documents: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-e2e-docs-'));
  for (const [name, text] of Object.entries(documents)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

export { listingDocument, uniqueWord, type DocumentArticle as ListingArticle } from '../../test/support/listing';

/** Imports the articles, as one listing document, into the running site's database; throws with the script's output if it fails. */
export function importArticles(articles: ListingArticle[]): void {
  const dir = writeDocuments({ 'listing.txt': listingDocument(articles) });
  try {
    const run = runImport([dir]);
    if (run.status !== 0) {
      throw new Error(`the import exited with ${run.status}:\n${run.stdout}\n${run.stderr}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The URL slug of a plain ASCII name made by a test (`Pages Z1a2b` → `pages-z1a2b`). */
export const plainSlug = (name: string) =>
  name
    .toLowerCase()
    .split(/[^a-z0-9]+/u)
    .filter(Boolean)
    .join('-');

/**
 * The import tells the running site at once; a few seconds covers a slow machine, far
 * short of the 60 s the site would take to notice by itself.
 */
export const SOON = { timeout: 5_000, intervals: [100, 250, 500, 1_000] };

/** Reloads `path` until `check` passes on it. */
export async function expectSoon(page: Page, path: string, check: () => Promise<void>): Promise<void> {
  await expect(async () => {
    await page.goto(path);
    await check();
  }).toPass(SOON);
}
