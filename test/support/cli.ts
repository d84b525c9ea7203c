import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface ScriptRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Starts one of the project's scripts (`scripts/*.ts`) as its own process, as npm would.
 * Asynchronous on purpose: a test that serves the embedded database must keep
 * answering while the script talks to it.
 */
export function startScript(
  script: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  { ownGroup = false }: { ownGroup?: boolean } = {},
): { child: ChildProcess; done: Promise<ScriptRun> } {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // In a process group of its own, it can be killed with all it started (an embedded server).
    detached: ownGroup,
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<ScriptRun>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

export function runScript(script: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<ScriptRun> {
  return startScript(script, args, env).done;
}

/** The editor's import script: `npm run seed -- …`. */
export function startSeed(args: readonly string[], env: NodeJS.ProcessEnv, options?: { ownGroup?: boolean }) {
  return startScript('scripts/seed.ts', args, env, options);
}

export function runSeed(args: readonly string[], env: NodeJS.ProcessEnv): Promise<ScriptRun> {
  return runScript('scripts/seed.ts', args, env);
}
