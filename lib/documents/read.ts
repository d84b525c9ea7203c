import type { Stats } from 'node:fs';
import fs, { type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { MAX_DOCUMENT_BYTES } from '@/lib/documents/limits';
import type { DocumentProblem } from '@/lib/documents/types';

export interface SourceDocument {
  /** The path as the editor gave it (or relative to the folder given), for messages. */
  file: string;
  bytes: Uint8Array;
}

/** A document that could not be read: its problem is reported like an invalid document's, at line 1. */
export interface UnreadableDocument {
  file: string;
  problem: DocumentProblem;
}

export interface DocumentFiles {
  /** The documents read, each file once, in the order given (a folder's in name order). */
  documents: SourceDocument[];
  unreadable: UnreadableDocument[];
}

/** A path given that leads nowhere: a wrong argument rather than a bad document. */
export class DocumentPathError extends Error {}

const count = (n: number) => n.toLocaleString('en-US');

/**
 * Reads each path: a document, or a folder whose `.txt` documents are read in
 * name order (hidden files, such as macOS's `._name.txt`, skipped). A file
 * reached twice, by the same or another path, is read once. A path that does
 * not exist, or a folder without documents, throws DocumentPathError; a file
 * that cannot be read as a document (too large, not a regular file, a broken
 * symbolic link) is listed as unreadable and never opened.
 */
export async function readDocumentFiles(paths: readonly string[]): Promise<DocumentFiles> {
  const files: DocumentFiles = { documents: [], unreadable: [] };
  const seen = new Set<string>();
  for (const given of paths) {
    const stat = await statGiven(given);
    if (!stat?.isDirectory()) {
      await readDocumentFile(given, files, seen);
      continue;
    }
    const names = (await fs.readdir(given).catch(() => cannotRead(given)))
      .filter((name) => !name.startsWith('.') && name.toLowerCase().endsWith('.txt'))
      .sort();
    if (names.length === 0) throw new DocumentPathError(`${given}: the folder holds no .txt documents`);
    for (const name of names) await readDocumentFile(path.join(given, name), files, seen);
  }
  return files;
}

/**
 * The documents of readDocumentFiles, for callers whose documents must all be
 * readable (the bundled documents, tests): an unreadable one throws DocumentPathError.
 */
export async function readDocuments(paths: readonly string[]): Promise<SourceDocument[]> {
  const { documents, unreadable } = await readDocumentFiles(paths);
  if (unreadable.length > 0) {
    throw new DocumentPathError(unreadable.map(({ file, problem }) => `${file}: ${problem.message}`).join('\n'));
  }
  return documents;
}

/** What a given path is (null for a link that leads nowhere); throws when nothing is there. */
async function statGiven(given: string): Promise<Stats | null> {
  const link = await fs.lstat(given).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') {
      throw new DocumentPathError(`${given}: no such file or folder`);
    }
    return cannotRead(given);
  });
  return link.isSymbolicLink() ? fs.stat(given).catch(() => null) : link;
}

function cannotRead(given: string): never {
  throw new DocumentPathError(`${given}: cannot be read (permission denied or not a folder)`);
}

async function readDocumentFile(file: string, files: DocumentFiles, seen: Set<string>): Promise<void> {
  const unreadable = (message: string) => files.unreadable.push({ file, problem: { line: 1, message } });
  let stat: Stats;
  try {
    stat = await fs.stat(file);
  } catch (error) {
    unreadable(await whyUnreachable(file, error as NodeJS.ErrnoException));
    return;
  }
  const refusal = refuse(stat);
  if (refusal) {
    unreadable(refusal);
    return;
  }
  const identity = `${stat.dev}:${stat.ino}`;
  if (seen.has(identity)) return;
  seen.add(identity);

  // Never blocks, even if the file was swapped for a FIFO since the stat above.
  const handle = await fs.open(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK).catch(() => null);
  if (!handle) {
    unreadable('the file cannot be read (permission denied)');
    return;
  }
  try {
    const opened = await handle.stat();
    const openedRefusal = refuse(opened);
    if (openedRefusal) {
      unreadable(openedRefusal);
      return;
    }
    const bytes = await readExactly(handle, opened.size);
    if (bytes) files.documents.push({ file, bytes });
    else unreadable('the file changed while it was read: read it again');
  } finally {
    await handle.close();
  }
}

/** Why a document file may not be opened, or null when it may. */
function refuse(stat: Stats): string | null {
  if (stat.isDirectory()) return 'a folder, not a document: folders inside a folder are not read';
  if (!stat.isFile()) return `not a regular file but ${kindOf(stat)}: only files are read`;
  if (stat.size > MAX_DOCUMENT_BYTES) {
    return (
      `the file is ${count(stat.size)} bytes; the limit is ${count(MAX_DOCUMENT_BYTES)} bytes ` +
      `(${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB): split it into smaller documents`
    );
  }
  return null;
}

function kindOf(stat: Stats): string {
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  return 'a special file';
}

async function whyUnreachable(file: string, error: NodeJS.ErrnoException): Promise<string> {
  if (error.code === 'ELOOP') return 'a symbolic link that leads round in a loop';
  if (error.code === 'ENOENT') {
    const target = await fs.readlink(file).catch(() => null);
    if (target !== null) return `a symbolic link to ${target}, which does not exist`;
    return 'the file is gone: it was removed while the folder was read';
  }
  if (error.code === 'EACCES') return 'the file cannot be read (permission denied)';
  return `the file cannot be read (${error.code ?? error.message})`;
}

/** The file's `size` bytes, or null when it turns out to hold more or fewer. */
async function readExactly(handle: FileHandle, size: number): Promise<Uint8Array | null> {
  const bytes = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const { bytesRead } = await handle.read(bytes, filled, size - filled, filled);
    if (bytesRead === 0) return null;
    filled += bytesRead;
  }
  const { bytesRead: more } = await handle.read(Buffer.alloc(1), 0, 1, size);
  return more === 0 ? bytes : null;
}
