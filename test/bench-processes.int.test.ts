import { spawnSync } from 'node:child_process';
import net from 'node:net';
import { describe, expect, test } from 'vitest';

// The bench stops every process it started, however a part fails (issue 24, item 5): a part that
// failed once left three instances listening, and the next run measured them instead of its own.

const FIXTURE = 'test/fixtures/bench-part-that-fails.ts';

const listens = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

async function stillListeningAfter(port: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!(await listens(port))) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

const run = (port: number, ...flags: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', FIXTURE, String(port), ...flags], { encoding: 'utf8' });

describe('a bench part that fails to start a command', () => {
  test('exits 1 naming the command, and stops the server it had started', async () => {
    const port = 39_000 + Math.floor(Math.random() * 1000);
    const result = run(port);

    expect(result.stdout).toContain('server listening');
    expect(result.stderr).toContain('bench: could not start /nonexistent/nginx: spawn /nonexistent/nginx ENOENT');
    expect(result.status).toBe(1);
    expect(await stillListeningAfter(port, 5_000)).toBe(false);
  });

  test("without the bench's clean-up the server outlives it (what the test above would see)", async () => {
    const port = 40_000 + Math.floor(Math.random() * 1000);
    const result = run(port, '--no-cleanup');

    expect(result.status).toBe(1);
    const pid = Number(/pid (\d+)/u.exec(result.stdout)?.[1]);
    try {
      expect(await stillListeningAfter(port, 1_000)).toBe(true);
    } finally {
      if (pid > 0) process.kill(pid, 'SIGTERM');
    }
  });
});
