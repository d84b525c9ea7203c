import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const tempDirs: string[] = [];

// Registered when a test file first imports this module, so it runs after that file's
// tests: Vitest ends its worker processes without an 'exit' event to hook into.
afterAll(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder under the system's temporary folder, removed when the test file is done. */
export function makeTempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `newsroom-${prefix}-`));
  tempDirs.push(dir);
  return dir;
}
