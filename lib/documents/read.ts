import fs from 'node:fs/promises';
import path from 'node:path';

export interface SourceDocument {
  /** The path as the editor gave it (or relative to the folder given), for messages. */
  file: string;
  bytes: Uint8Array;
}

export class DocumentPathError extends Error {}

/** Reads each path: a document, or a folder whose `.txt` documents are read in name order. */
export async function readDocuments(paths: readonly string[]): Promise<SourceDocument[]> {
  const documents: SourceDocument[] = [];
  for (const given of paths) {
    const stat = await fs.stat(given).catch(() => null);
    if (!stat) throw new DocumentPathError(`${given}: no such file or folder`);
    if (stat.isDirectory()) {
      const names = (await fs.readdir(given)).filter((name) => name.toLowerCase().endsWith('.txt')).sort();
      if (names.length === 0) throw new DocumentPathError(`${given}: the folder holds no .txt documents`);
      for (const name of names) {
        const file = path.join(given, name);
        documents.push({ file, bytes: await fs.readFile(file) });
      }
    } else {
      documents.push({ file: given, bytes: await fs.readFile(given) });
    }
  }
  return documents;
}
