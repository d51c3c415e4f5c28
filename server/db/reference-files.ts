import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

/** The product's own copy of the reference data (see reference/SOURCES.md); never ../shared. */
export const REFERENCE_DIR = new URL('../../reference/', import.meta.url).pathname;

export async function readReferenceFile(name: string): Promise<{ text: string; sha256: string }> {
  const text = await readFile(REFERENCE_DIR + name, 'utf8');
  return { text, sha256: createHash('sha256').update(text).digest('hex') };
}
