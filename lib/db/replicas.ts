import type { PrismaClient } from '@/lib/generated/prisma/client';
import { parseLsn, requiredReadPosition } from './read-position';

/** How often each replica is asked how far it has replayed (and whether it answers). */
const PROBE_INTERVAL_MS = 1_000;

interface Replica {
  label: string;
  client: PrismaClient;
  /** Replayed up to here at the last probe; null: it does not say (not a standby) or did not answer. */
  replayed: bigint | null;
  /** False after a probe failed, until one succeeds. */
  answers: boolean;
  probing: boolean;
  saidNoPosition: boolean;
}

/**
 * Chooses, for each read, a replica that has replayed everything the site was told of
 * (requiredReadPosition), in turn; the primary when none has (or none answers). The
 * choice is synchronous: positions are probed in the background, once a second and at
 * once when a notice raises the requirement, so a read never waits for a probe.
 */
export class ReadRouter {
  private readonly replicas: Replica[];
  private turn = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly primary: PrismaClient,
    replicas: { label: string; client: PrismaClient }[],
  ) {
    this.replicas = replicas.map(({ label, client }) => ({
      label,
      client,
      replayed: null,
      answers: true,
      probing: false,
      saidNoPosition: false,
    }));
    this.timer = setInterval(() => this.probeAll(), PROBE_INTERVAL_MS).unref();
    this.probeAll();
  }

  /** The client the next read goes to. */
  pick(): PrismaClient {
    const required = requiredReadPosition();
    const count = this.replicas.length;
    for (let i = 0; i < count; i++) {
      const replica = this.replicas[(this.turn + i) % count]!;
      if (!replica.answers) continue;
      if (required === 0n || (replica.replayed !== null && replica.replayed >= required)) {
        this.turn = (this.turn + i + 1) % count;
        return replica.client;
      }
    }
    if (required > 0n) this.probeAll();
    return this.primary;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await Promise.allSettled(this.replicas.map((replica) => replica.client.$disconnect()));
  }

  private probeAll(): void {
    for (const replica of this.replicas) if (!replica.probing) void this.probe(replica);
  }

  private async probe(replica: Replica): Promise<void> {
    replica.probing = true;
    try {
      const [row] = await replica.client.$queryRaw<
        { lsn: string | null }[]
      >`SELECT pg_last_wal_replay_lsn()::text AS lsn`;
      replica.replayed = parseLsn(row?.lsn);
      if (!replica.answers) console.log(`Database replica ${replica.label} answers again.`);
      replica.answers = true;
      if (replica.replayed === null && !replica.saidNoPosition) {
        replica.saidNoPosition = true;
        console.log(
          `Database replica ${replica.label} does not report a replay position (it is not a streaming standby): ` +
            'after an import, reads go to the primary.',
        );
      }
    } catch {
      if (replica.answers) console.error(`Database replica ${replica.label} does not answer: reading from the others.`);
      replica.answers = false;
    } finally {
      replica.probing = false;
    }
  }
}

/** DATABASE_REPLICA_URLS, comma-separated; empty when unset. */
export function replicaUrls(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.DATABASE_REPLICA_URLS ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
}

/** A replica's URL as a log may show it: host, port and database, never the password. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return '(unparsable URL)';
  }
}
