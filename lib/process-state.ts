/**
 * State one process keeps once, whichever copy of a module asks for it. The server
 * (scripts/server.ts, bundled apart), Next's route handlers and pages, and the shared
 * cache's handler each bundle their own copy of lib/, but run in one process: a module's
 * top-level `new Map()` would be one map per bundle, and an import's notice taken by a
 * route handler would empty the route handler's copy only. So what must be one per process
 * is kept on globalThis, under `Symbol.for('newsroom.<name>')`, made by the first to ask.
 */
export function processWide<T>(name: string, create: () => T): T {
  const holder = globalThis as Record<symbol, unknown>;
  const key = Symbol.for(`newsroom.${name}`);
  if (!(key in holder)) holder[key] = create();
  return holder[key] as T;
}
