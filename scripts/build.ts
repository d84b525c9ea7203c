// npm run build: a production build, stamped with the hash of its sources so that
// `npm start` knows whether it is current.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sourceHash, stampFile } from './build-stamp';

export function build(root: string): void {
  const hash = sourceHash(root);
  const next = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  const result = spawnSync(process.execPath, [next, 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status ?? result.signal})`);
  fs.writeFileSync(stampFile(root), hash);
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  try {
    build(path.resolve(import.meta.dirname, '..'));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
