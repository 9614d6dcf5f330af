import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/**
 * Makes a fresh folder in the system's temporary folder, named `prefix` and random characters
 * (as `mkdtempSync` names it), and removes it with all it holds after the enclosing suite: call it
 * at the top of a file, or in a `describe` body for that block, not inside a test.
 */
export function tempFolder(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}
