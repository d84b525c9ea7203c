import { getPrisma } from './client';

/** How long /healthz waits for the database before it says it does not answer (ms). */
const HEALTH_TIMEOUT_MS = 2_000;

export type Health =
  | { status: 'ok'; database: 'ok'; articles: number; sections: number; latencyMs: number }
  | { status: 'unavailable'; database: string; latencyMs: number };

/**
 * A real query against the site's own tables, as a page would make it, within a short
 * wait: what a load balancer or a person on call needs to know, in words.
 */
export async function checkHealth(): Promise<Health> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let timer: NodeJS.Timeout | undefined;
  try {
    const counts = await Promise.race([
      (async () => {
        const prisma = await getPrisma();
        const [articles, sections] = await Promise.all([prisma.article.count(), prisma.section.count()]);
        return { articles, sections };
      })(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`the database did not answer within ${HEALTH_TIMEOUT_MS / 1000} s`)),
          HEALTH_TIMEOUT_MS,
        );
      }),
    ]);
    return { status: 'ok', database: 'ok', ...counts, latencyMs: elapsed() };
  } catch (error) {
    return { status: 'unavailable', database: describe(error), latencyMs: elapsed() };
  } finally {
    clearTimeout(timer);
  }
}

/** What Prisma's connection error codes mean, in words. */
const PRISMA_CODES: Record<string, string> = {
  P1001: 'the database server cannot be reached',
  P1002: 'the database server did not answer in time',
  P1008: 'the database did not answer in time',
  P1017: 'the database server closed the connection',
};

/** One line saying what went wrong, without a stack or a password. */
function describe(error: unknown): string {
  const parts: string[] = [];
  for (
    let cause: unknown = error, depth = 0;
    cause && depth < 4;
    cause = (cause as { cause?: unknown }).cause, depth++
  ) {
    const { message, code } = cause as { message?: unknown; code?: unknown };
    const words = typeof code === 'string' ? PRISMA_CODES[code] : undefined;
    const text = [
      typeof code === 'string' ? code : '',
      words ?? '',
      typeof message === 'string' ? message.split('\n')[0] : '',
    ]
      .filter(Boolean)
      .join(': ');
    if (text && !parts.some((part) => part.includes(text))) parts.push(text);
  }
  return (parts.join(' ← ') || 'the database did not answer').replace(/\/\/[^@/\s]*@/gu, '//…@').slice(0, 300);
}
