// A bare Next.js app with one page rendered on demand and cached (ISR), whose HTML size is set
// by its address: Next's own floor, which `npm run bench` and `npm run lighthouse -- --floor`
// measure the site beside.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { benchPort } from './bench/processes';

const root = path.resolve(import.meta.dirname, '..');

export async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the site did not answer at ${url} within ${timeoutMs / 1000} s`);
}

/**
 * A bare Next.js app (the project's own next, react and react-dom) with one page rendered
 * on demand and cached (ISR), whose size is set by its address: Next's own floor.
 */
export async function startFloorApp(port = benchPort(3960)) {
  // Inside the project, so that it resolves the project's own packages (Turbopack reads
  // nothing outside its root).
  const dir = path.join(root, '.tmp', `next-floor-${port}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'app', '[size]'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), '{"private": true, "type": "module"}');
  fs.writeFileSync(
    path.join(dir, 'next.config.js'),
    `export default { turbopack: { root: ${JSON.stringify(root)} }, poweredByHeader: false, expireTime: 300 };`,
  );
  fs.writeFileSync(
    path.join(dir, 'app', 'layout.jsx'),
    'export default function Layout({ children }) { return <html lang="en"><body>{children}</body></html>; }',
  );
  fs.writeFileSync(
    path.join(dir, 'app', '[size]', 'page.jsx'),
    `export const revalidate = 60;
export const dynamicParams = true;
export async function generateStaticParams() { return []; }
const TEXT = 'The minister said talks would resume after a week of strikes across the northern provinces. ';
export default async function Page({ params }) {
  const { size } = await params;
  // The text appears twice in the HTML (markup and the React payload).
  const paragraphs = Array.from({ length: Math.max(1, Math.round(Number(size) / 2 / 460)) }, (_, i) => TEXT.repeat(5) + i);
  return <main>{paragraphs.map((text, i) => <p key={i}>{text}</p>)}</main>;
}
`,
  );
  const next = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' };
  const built = spawnSync(process.execPath, [next, 'build'], { cwd: dir, env, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`the floor app did not build:\n${built.stdout}\n${built.stderr}`);
  const server = spawn(process.execPath, [next, 'start', '--port', String(port)], {
    cwd: dir,
    env,
    stdio: 'ignore',
    detached: true,
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/1000`, 60_000);
  /** Sizes asked for so far (each is one cached page once asked). */
  const asked = new Set<number>();
  return {
    /** The floor's page whose HTML is about `bytes` long. */
    async pageOfSize(bytes: number): Promise<string> {
      let size = bytes;
      for (let attempt = 0; attempt < 3; attempt++) {
        const got = (await (await fetch(`${base}/${size}`)).arrayBuffer()).byteLength;
        asked.add(size);
        if (Math.abs(got - bytes) < bytes * 0.02) break;
        size = Math.round((size * bytes) / got);
      }
      return `${base}/${size}`;
    },
    /** `count` addresses of pages of about `bytes`, none rendered before (each a first render). */
    async uncachedPagesOfSize(bytes: number, count: number): Promise<string[]> {
      const size = Number(new URL(await this.pageOfSize(bytes)).pathname.slice(1));
      const urls: string[] = [];
      for (let next = size + 1; urls.length < count; next++) {
        if (asked.has(next)) continue;
        asked.add(next);
        urls.push(`${base}/${next}`);
      }
      return urls;
    },
    stop: async () => {
      process.kill(-(server.pid ?? 0), 'SIGTERM'); // next start forks a server of its own
      await new Promise((resolve) => server.once('exit', resolve));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
