import fs from 'node:fs';
import path from 'node:path';

/**
 * The build's own files that a browser may ask for: everything under `<build>/static`, served
 * by Next at `/_next/static/…`. Nothing else under `/_next/` exists in a production build (the
 * image optimizer is off, next.config.js), so the front door answers every other `/_next/`
 * address itself: Next would route it to a page and cache a page per made-up address.
 * Read once when the server starts (a build never changes under a running server).
 */
export const BUILD_FILES_PREFIX = '/_next/static/';

let known: ReadonlySet<string> = new Set();
let development = false;

/** Lists the build's static files (paths below `static/`, as `/`-separated text). */
export function listBuildFiles(buildDir: string): Set<string> {
  const root = path.join(buildDir, 'static');
  const files = new Set<string>();
  const walk = (dir: string, prefix: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name), `${prefix}${entry.name}/`);
      else if (entry.isFile()) files.add(`${prefix}${entry.name}`);
    }
  };
  if (fs.existsSync(root)) walk(root, '');
  return files;
}

/** What the front door takes for the build's files from now on (the server calls it at start). */
export function knowBuildFiles(files: ReadonlySet<string>): void {
  known = files;
}

/**
 * For the development server (scripts/dev.ts): Next compiles files on demand and serves them,
 * its hot-reload socket and its error overlay's assets under `/_next/`, so every such address
 * is taken for one of the build's files (and none is known in advance).
 */
export function serveDevelopmentBuild(): void {
  development = true;
}

/** Whether a decoded path names one of the build's static files. */
export function isBuildFile(decodedPath: string): boolean {
  if (development) return decodedPath.startsWith('/_next/');
  return decodedPath.startsWith(BUILD_FILES_PREFIX) && known.has(decodedPath.slice(BUILD_FILES_PREFIX.length));
}

/** Next's development server's own endpoints (`/__nextjs_…`: the error overlay's source maps and stack frames). */
export const isDevelopmentEndpoint = (pathname: string): boolean => development && pathname.startsWith('/__nextjs_');
