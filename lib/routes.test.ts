import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { ALL_ROUTES, RESERVED_ARTICLE_SLUGS, RESERVED_SLUGS } from './routes';
import { SLUG_PATTERN } from './url-params';

const root = path.resolve(import.meta.dirname, '..');
/** What serves an address in app/: a page, a route handler, or a metadata image file. */
const ROUTE_FILE = /^(?:page\.tsx|route\.ts|(?:opengraph-image|twitter-image|icon|apple-icon)\.tsx)$/u;

/** Every route file under a folder of the project, from the project's root. */
function routeFiles(folder: string): string[] {
  return fs
    .readdirSync(path.join(root, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && ROUTE_FILE.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

const tableFiles = (under: string) =>
  ALL_ROUTES.flatMap((entry) => entry.files).filter((file) => file.startsWith(under));

test('every route file of app/ belongs to an entry of the route table, each to one', () => {
  const claimed = tableFiles('app/');
  expect(new Set(claimed).size).toBe(claimed.length);
  expect(routeFiles('app').filter((file) => !claimed.includes(file))).toEqual([]);
});

test('every file an entry of the route table names exists', () => {
  const missing = ALL_ROUTES.flatMap((entry) => entry.files).filter(
    (file) => path.normalize(file) !== file || !fs.existsSync(path.join(root, file)),
  );
  expect(missing).toEqual([]);
});

test('the front door knows every file of public/', () => {
  expect(fs.readdirSync(path.join(root, 'public')).sort()).toEqual(
    tableFiles('public/')
      .map((file) => path.basename(file))
      .sort(),
  );
});

/** The first segments under `folder` of app/'s route files that are no dynamic segment. */
const ownedNames = (folder: string) =>
  routeFiles(path.join('app', folder))
    .map((file) => path.relative(path.join('app', folder), file).split(path.sep)[0] ?? '')
    .map((name) => name.replace(/\.tsx$/u, ''))
    .filter((name) => !name.startsWith('['));

test('no section may take the address of a route, a page or a public file', () => {
  const names = [...ownedNames('.'), ...fs.readdirSync(path.join(root, 'public'))];
  const missing = names.filter((name) => SLUG_PATTERN.test(name)).filter((name) => !RESERVED_SLUGS.has(name));
  expect(missing).toEqual([]);
});

test('no article may take the address of a route under a section', () => {
  const missing = ownedNames('[section]')
    .filter((name) => SLUG_PATTERN.test(name))
    .filter((name) => !RESERVED_ARTICLE_SLUGS.has(name));
  expect(missing).toEqual([]);
});

test('the front door knows every API route, each with the one method it answers', () => {
  const api = fs
    .readdirSync(path.join(root, 'app', 'api'))
    .map((name) => `/api/${name}`)
    .sort();
  const withMethod = ALL_ROUTES.filter((entry) => entry.method !== undefined);
  expect(withMethod.map((entry) => entry.pattern).sort()).toEqual(api);
  expect(ALL_ROUTES.filter((entry) => entry.pattern.startsWith('/api/') && !entry.method)).toEqual([]);
});
