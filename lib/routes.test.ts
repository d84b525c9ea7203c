import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import {
  API_ROUTES,
  ARCHIVE_ROUTE_FILES,
  ARTICLE_ROUTE_FILES,
  PUBLIC_FILES,
  RESERVED_SLUGS,
  ROOT_PAGES,
  ROOT_ROUTE_FILES,
  SECTION_ROUTE_FILES,
} from './routes';
import { SLUG_PATTERN } from './url-params';

const app = path.resolve(import.meta.dirname, '..', 'app');
/** The routes of a folder of app/ that are files: route handlers and metadata image files. */
const fileRoutes = (folder: string) =>
  fs
    .readdirSync(path.join(app, folder), { withFileTypes: true })
    .filter((entry) =>
      entry.isDirectory()
        ? fs.existsSync(path.join(app, folder, entry.name, 'route.ts')) && !entry.name.startsWith('[')
        : /^opengraph-image\.tsx$/u.test(entry.name),
    )
    .map((entry) => entry.name.replace(/\.tsx$/u, ''))
    .sort();

test('the front door knows every one-segment route of app/, and no other', () => {
  // sitemaps/ and lite/ hold routes below them too: the front door has rules of their own for each.
  const dirs = fileRoutes('.').filter((name) => name !== 'sitemaps' && name !== 'lite');
  expect(dirs).toEqual([...ROOT_ROUTE_FILES].sort());
});

test('the front door knows every page of one segment in app/, and no other', () => {
  const pages = fs
    .readdirSync(app, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('['))
    .filter((entry) => fs.existsSync(path.join(app, entry.name, 'page.tsx')))
    .map((entry) => entry.name)
    .sort();
  expect(pages).toEqual([...ROOT_PAGES].sort());
});

test('no section may take the address of a route or page of one segment', () => {
  const missing = [...ROOT_ROUTE_FILES, ...ROOT_PAGES, ...PUBLIC_FILES]
    .filter((name) => SLUG_PATTERN.test(name))
    .filter((name) => !RESERVED_SLUGS.has(name));
  expect(missing).toEqual([]);
});

test('the front door knows every file route under a section and under an article', () => {
  expect(fileRoutes('[section]')).toEqual([...SECTION_ROUTE_FILES].sort());
  expect(fileRoutes('[section]/[article]').filter((name) => name !== 'markdown')).toEqual(
    [...ARTICLE_ROUTE_FILES].sort(),
  );
});

test('the front door knows every file of public/', () => {
  expect(fs.readdirSync(path.resolve(import.meta.dirname, '..', 'public')).sort()).toEqual([...PUBLIC_FILES].sort());
});

test('the front door knows every API route', () => {
  const api = fs
    .readdirSync(path.join(app, 'api'))
    .map((name) => `/api/${name}`)
    .sort();
  expect(api).toEqual([...API_ROUTES.keys()].sort());
});

test('the front door knows every file of a feed archive, for the site and for a section', () => {
  expect(fileRoutes('archive/[number]')).toEqual([...ARCHIVE_ROUTE_FILES].sort());
  expect(fileRoutes('[section]/archive/[number]')).toEqual([...ARCHIVE_ROUTE_FILES].sort());
});
