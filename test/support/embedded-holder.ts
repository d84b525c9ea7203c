import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { embeddedEnv } from './database';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface EmbeddedHolder {
  child: ChildProcess;
  pid: number;
  /** Where the holder serves the database. */
  url: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Another process that opens the embedded database in `dataDir` and serves it until stopped, in a process group of its own. */
export async function startEmbeddedHolder(dataDir: string): Promise<EmbeddedHolder> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/hold-embedded.ts'], {
    cwd: ROOT,
    env: embeddedEnv(dataDir),
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) resolve((JSON.parse(line) as { url: string }).url);
    });
    void exited.then(({ code, signal }) =>
      reject(new Error(`the embedded database holder stopped before serving (exit ${code ?? signal})`)),
    );
  });
  if (child.pid === undefined) throw new Error('the embedded database holder has no pid');
  return { child, pid: child.pid, url, exited };
}
