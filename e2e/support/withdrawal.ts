import { spawn } from 'node:child_process';
import { E2E_DATA_DIR } from '../../playwright.config';

/**
 * The editor's withdrawal command (`npm run withdraw`), as the specs run it: `<slug> --reason "…" [--legal]`, or
 * `--restore <slug>`, against the running site's database (the browser tests' own, unless `env`
 * names another), telling the site it reaches. Resolves with what it said; throws if it failed.
 */
export function runWithdraw(args: string[], env: Record<string, string> = {}): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/withdraw.ts', ...args], {
    env: { ...process.env, DATA_DIR: E2E_DATA_DIR, DATABASE_URL: '', REDIS_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let said = '';
  child.stdout.on('data', (chunk: Buffer) => (said += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (said += chunk.toString()));
  return new Promise((resolve, reject) =>
    child.once('close', (status) =>
      status === 0 ? resolve(said) : reject(new Error(`withdraw ${args.join(' ')} exited with ${status}:\n${said}`)),
    ),
  );
}
