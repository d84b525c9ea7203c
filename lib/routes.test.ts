import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import {
  API_ROUTES,
  ARCHIVE_ROUTE_FILES,
  ARTICLE_ROUTE_FILES,
  PUBLIC_FILES,
  ROOT_ROUTE_FILES,
  SECTION_ROUTE_FILES,
} from './routes';

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
