import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
/** V8's full garbage collection, for tests of what code keeps alive. */
const collect = runInNewContext('gc') as () => void;

/**
 * The bytes of the JavaScript heap still in use once garbage is collected, after the current
 * job (objects a WeakRef was taken of live at least until it ends).
 */
export async function liveHeapBytes(): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  collect();
  collect();
  return process.memoryUsage().heapUsed;
}
