import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { parseLsn, requireReadPosition, requiredReadPosition } from './read-position';
import { ReadRouter } from './replicas';

/** A stand-in client that answers the replay-position probe with whatever `position` says. */
function fakeClient(name: string, position: () => string | null | Error) {
  return {
    name,
    $queryRaw: async () => {
      const value = position();
      if (value instanceof Error) throw value;
      return [{ lsn: value }];
    },
    $disconnect: async () => undefined,
  } as unknown as PrismaClient & { name: string };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const routers: ReadRouter[] = [];
afterEach(async () => {
  for (const router of routers.splice(0)) await router.close();
  vi.restoreAllMocks();
});

describe('WAL positions', () => {
  it('reads PostgreSQL LSNs as numbers, in order', () => {
    expect(parseLsn('0/16B3748')).toBe(0x16b3748n);
    expect(parseLsn('1/0')! > parseLsn('0/FFFFFFFF')!).toBe(true);
    expect(parseLsn(null)).toBeNull();
    expect(parseLsn('not an lsn')).toBeNull();
  });

  it('only ever raises what a read requires', () => {
    requireReadPosition('5/0');
    requireReadPosition('4/0');
    expect(requiredReadPosition()).toBe(parseLsn('5/0'));
  });
});

describe('where reads go', () => {
  it('to the replicas, in turn, while they have replayed what the site was told of; to the primary while none has', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    let replayed = '6/0';
    const primary = fakeClient('primary', () => null);
    const [a, b] = [fakeClient('a', () => replayed), fakeClient('b', () => replayed)];
    const router = new ReadRouter(primary, [
      { label: 'a', client: a },
      { label: 'b', client: b },
    ]);
    routers.push(router);
    await flush();
    requireReadPosition('6/0');
    expect([router.pick(), router.pick(), router.pick()].map((c) => (c as typeof a).name)).toEqual(['a', 'b', 'a']);

    requireReadPosition('7/10');
    expect((router.pick() as typeof a).name, 'an import the replicas have not replayed').toBe('primary');

    await flush();
    replayed = '7/10';
    router.pick(); // each read the primary takes asks the replicas again
    await flush();
    expect(['a', 'b']).toContain((router.pick() as typeof a).name);
  });

  it('never to a replica that does not answer, nor, after an import, to one that cannot say how far it has replayed', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    requireReadPosition('8/0');
    const primary = fakeClient('primary', () => null);
    const down = fakeClient('down', () => new Error('connect ECONNREFUSED'));
    const notAStandby = fakeClient('not a standby', () => null);
    const router = new ReadRouter(primary, [
      { label: 'down', client: down },
      { label: 'not a standby', client: notAStandby },
    ]);
    routers.push(router);
    await flush();

    expect((router.pick() as typeof down).name).toBe('primary');
    expect(error).toHaveBeenCalledWith(expect.stringContaining('down does not answer'));
    expect(log).toHaveBeenCalledWith(expect.stringContaining('not a standby does not report a replay position'));
  });
});
