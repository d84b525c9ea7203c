import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { MAX_DOCUMENT_BYTES } from '@/lib/documents/limits';
import { DocumentPathError, readDocumentFiles, readDocuments } from '@/lib/documents/read';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-read-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

let folders = 0;
/** A fresh folder holding the given files (name → text). */
function folder(files: Record<string, string> = {}): string {
  const dir = path.join(root, `folder-${++folders}`);
  fs.mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const documentsIn = async (paths: string[]) =>
  (await readDocumentFiles(paths)).documents.map((document) => [document.file, text(document.bytes)]);
const problem = (file: string, message: string) => ({ file, problem: { line: 1, message } });

async function pathError(reading: Promise<unknown>): Promise<string> {
  const error: unknown = await reading.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DocumentPathError);
  return (error as DocumentPathError).message;
}

describe('reading documents', () => {
  test('reads a document given by its path', async () => {
    const dir = folder({ 'one.txt': 'One' });
    expect(await documentsIn([path.join(dir, 'one.txt')])).toEqual([[path.join(dir, 'one.txt'), 'One']]);
  });

  test('reads the .txt documents of a folder in name order, and nothing else', async () => {
    const dir = folder({ 'b.txt': 'B', 'a.TXT': 'A', 'notes.md': 'notes' });
    expect(await documentsIn([dir])).toEqual([
      [path.join(dir, 'a.TXT'), 'A'],
      [path.join(dir, 'b.txt'), 'B'],
    ]);
  });

  test('skips hidden files and macOS ._ files in a folder', async () => {
    const dir = folder({ 'a.txt': 'A', '._a.txt': '\u0000\u0005\u0016\u0007Mac OS X', '.draft.txt': 'draft' });
    expect(await documentsIn([dir])).toEqual([[path.join(dir, 'a.txt'), 'A']]);
  });

  test('reads a hidden file given by its own path', async () => {
    const dir = folder({ '.draft.txt': 'draft' });
    expect(await documentsIn([path.join(dir, '.draft.txt')])).toEqual([[path.join(dir, '.draft.txt'), 'draft']]);
  });

  test('reads a symbolic link to a document under the name of the link', async () => {
    const dir = folder({ 'target.md': 'T' });
    fs.symlinkSync('target.md', path.join(dir, 'link.txt'));
    expect(await documentsIn([dir])).toEqual([[path.join(dir, 'link.txt'), 'T']]);
  });

  test('reads a document given twice once', async () => {
    const file = path.join(folder({ 'one.txt': 'One' }), 'one.txt');
    expect(await documentsIn([file, file])).toEqual([[file, 'One']]);
  });

  test('reads a document given by itself and in its folder once, where it came first', async () => {
    const dir = folder({ 'a.txt': 'A', 'b.txt': 'B' });
    expect(await documentsIn([path.join(dir, 'b.txt'), dir])).toEqual([
      [path.join(dir, 'b.txt'), 'B'],
      [path.join(dir, 'a.txt'), 'A'],
    ]);
  });

  test('reads a document and a symbolic link to it once', async () => {
    const dir = folder({ 'a.txt': 'A' });
    fs.symlinkSync('a.txt', path.join(dir, 'b.txt'));
    expect(await documentsIn([dir])).toEqual([[path.join(dir, 'a.txt'), 'A']]);
  });

  test('admits the benchmark’s 100,000-article document of about 210 MB', () => {
    expect(MAX_DOCUMENT_BYTES).toBeGreaterThanOrEqual(210 * 1000 * 1000);
  });
});

describe('files that are not read', () => {
  test('reports a file over the size limit without reading it', async () => {
    const dir = folder();
    const file = path.join(dir, 'huge.txt');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, MAX_DOCUMENT_BYTES + 1); // sparse: takes no disk
    expect(await readDocumentFiles([dir])).toEqual({
      documents: [],
      unreadable: [
        problem(
          file,
          'the file is 268,435,457 bytes; the limit is 268,435,456 bytes (256 MiB): split it into smaller documents',
        ),
      ],
    });
  });

  test('reports a named pipe in a folder without opening it, and reads the rest', async () => {
    const dir = folder({ 'a.txt': 'A' });
    execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
    expect(await readDocumentFiles([dir])).toEqual({
      documents: [{ file: path.join(dir, 'a.txt'), bytes: expect.any(Uint8Array) }],
      unreadable: [
        problem(path.join(dir, 'pipe.txt'), 'not a regular file but a named pipe (FIFO): only files are read'),
      ],
    });
  });

  test('reports a named pipe given by its path without opening it', async () => {
    const pipe = path.join(folder(), 'pipe.txt');
    execFileSync('mkfifo', [pipe]);
    expect((await readDocumentFiles([pipe])).unreadable).toEqual([
      problem(pipe, 'not a regular file but a named pipe (FIFO): only files are read'),
    ]);
  });

  test('reports a symbolic link to a file that does not exist', async () => {
    const dir = folder({ 'a.txt': 'A' });
    fs.symlinkSync('gone.txt', path.join(dir, 'b.txt'));
    expect((await readDocumentFiles([dir])).unreadable).toEqual([
      problem(path.join(dir, 'b.txt'), 'a symbolic link to gone.txt, which does not exist'),
    ]);
  });

  test('reports a broken symbolic link given by its path', async () => {
    const link = path.join(folder(), 'link.txt');
    fs.symlinkSync('/nowhere/gone.txt', link);
    expect((await readDocumentFiles([link])).unreadable).toEqual([
      problem(link, 'a symbolic link to /nowhere/gone.txt, which does not exist'),
    ]);
  });

  test('reports symbolic links that lead round in a loop', async () => {
    const dir = folder();
    fs.symlinkSync('b.txt', path.join(dir, 'a.txt'));
    fs.symlinkSync('a.txt', path.join(dir, 'b.txt'));
    expect((await readDocumentFiles([dir])).unreadable).toEqual([
      problem(path.join(dir, 'a.txt'), 'a symbolic link that leads round in a loop'),
      problem(path.join(dir, 'b.txt'), 'a symbolic link that leads round in a loop'),
    ]);
  });

  test('reports a folder named like a document inside a folder', async () => {
    const dir = folder({ 'a.txt': 'A' });
    fs.mkdirSync(path.join(dir, 'archive.txt'));
    expect((await readDocumentFiles([dir])).unreadable).toEqual([
      problem(path.join(dir, 'archive.txt'), 'a folder, not a document: folders inside a folder are not read'),
    ]);
  });
});

describe('paths that lead nowhere', () => {
  test('throws for a path that does not exist', async () => {
    const missing = path.join(root, 'missing.txt');
    expect(await pathError(readDocumentFiles([missing]))).toBe(`${missing}: no such file or folder`);
  });

  test('throws for a folder without documents', async () => {
    const dir = folder({ 'notes.md': 'notes', '._a.txt': 'resource fork' });
    expect(await pathError(readDocumentFiles([dir]))).toBe(`${dir}: the folder holds no .txt documents`);
  });

  test('readDocuments throws for a document that cannot be read, naming it', async () => {
    const dir = folder({ 'a.txt': 'A' });
    fs.symlinkSync('gone.txt', path.join(dir, 'b.txt'));
    expect(await pathError(readDocuments([dir]))).toBe(
      `${path.join(dir, 'b.txt')}: a symbolic link to gone.txt, which does not exist`,
    );
  });

  test('readDocuments returns the documents when all can be read', async () => {
    const dir = folder({ 'a.txt': 'A' });
    expect((await readDocuments([dir])).map((document) => document.file)).toEqual([path.join(dir, 'a.txt')]);
  });
});
