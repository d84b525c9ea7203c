import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/**
 * Every process a bench part starts (sites, instances, nginx, imports), so that none outlives the
 * bench: a part that fails stops what it started in its own `finally`, and whatever is still
 * running when the bench exits, however it exits (an error, Ctrl-C), is told to stop then.
 * Without this, a part that failed (nginx missing) left its instances listening, and the next
 * run measured them instead of its own.
 */
const running = new Set<ChildProcess>();

/**
 * A bench port: its fixed number plus `BENCH_PORT_OFFSET` (default 0), so that two benches on one
 * machine (two clones, say) do not measure each other's servers.
 */
export const benchPort = (port: number) => port + Number(process.env.BENCH_PORT_OFFSET ?? 0);

export interface BenchProcess extends ChildProcess {
  /** Rejects, naming the command, if it could not be started at all (a missing binary); never resolves. */
  failed: Promise<never>;
}

/** `spawn`, tracked: its failure to start is an error its part can await, not an uncaught event. */
export function startProcess(command: string, args: readonly string[], options: SpawnOptions): BenchProcess {
  const child = spawn(command, args, options) as BenchProcess;
  running.add(child);
  child.once('exit', () => running.delete(child));
  child.failed = new Promise<never>((_, reject) =>
    child.once('error', (error) => {
      running.delete(child);
      reject(new Error(`could not start ${command}: ${error.message}`));
    }),
  );
  // Awaited by whoever waits for it to be ready; not an unhandled rejection otherwise.
  child.failed.catch(() => undefined);
  return child;
}

/** Resolves with `ready`, or rejects as soon as the process turns out unable to start. */
export function readyOrFailed<T>(child: BenchProcess, ready: Promise<T>): Promise<T> {
  return Promise.race([ready, child.failed]);
}

let stopping = false;

/** Once per bench run: whatever is still running when it exits is told to stop (SIGTERM: sites close their databases). */
export function stopEverythingOnExit(): void {
  if (stopping) return;
  stopping = true;
  process.once('exit', () => {
    for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  });
  // Ctrl-C or a kill: exit, so that the handler above runs.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(1));
}
