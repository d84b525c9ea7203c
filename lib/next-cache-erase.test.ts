import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { eraseNextCache, setNextDistDir } from './next-cache-erase';

/** A build folder with Next's cache files as its default handler writes them (file-system-cache.js). */
function buildWithCache(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'next-cache-erase-'));
  const page = (key: string, tags: string) => {
    const base = path.join(dir, 'server', 'app', key);
    fs.mkdirSync(path.dirname(base), { recursive: true });
    fs.writeFileSync(`${base}.html`, `<p>${key}</p>`);
    fs.writeFileSync(`${base}.rsc`, key);
    fs.mkdirSync(`${base}.segments`, { recursive: true });
    fs.writeFileSync(path.join(`${base}.segments`, '_tree.segment.rsc'), key);
    fs.writeFileSync(`${base}.meta`, JSON.stringify({ headers: { 'x-next-cache-tags': tags }, status: 200 }));
  };
  page('world/removed-story', '_N_T_/layout,article:removed-story,section:world');
  page('world', '_N_T_/layout,section:world,shows:removed-story');
  page('sport', '_N_T_/layout,section:sport');
  const fetchCache = path.join(dir, 'cache', 'fetch-cache');
  fs.mkdirSync(fetchCache, { recursive: true });
  fs.writeFileSync(
    path.join(fetchCache, 'a1'),
    JSON.stringify({ kind: 'FETCH', data: {}, tags: ['article:removed-story'] }),
  );
  fs.writeFileSync(path.join(fetchCache, 'b2'), JSON.stringify({ kind: 'FETCH', data: {}, tags: ['section:sport'] }));
  return dir;
}

const files = (dir: string) =>
  fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();

let dir = '';
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('eraseNextCache', () => {
  test('deletes every cached page, route and read that carries one of the tags, and nothing else', () => {
    dir = buildWithCache();
    setNextDistDir(dir);

    const deleted = eraseNextCache(['article:removed-story', 'shows:removed-story']);

    expect(deleted).toBe(3);
    expect(files(dir)).toEqual(
      [
        'cache/fetch-cache/b2',
        'server/app/sport.html',
        'server/app/sport.meta',
        'server/app/sport.rsc',
        'server/app/sport.segments/_tree.segment.rsc',
      ].sort(),
    );
  });

  test('with no tag it carries, deletes nothing', () => {
    dir = buildWithCache();
    setNextDistDir(dir);
    const before = files(dir);

    expect(eraseNextCache(['article:another-story'])).toBe(0);
    expect(files(dir)).toEqual(before);
  });
});
