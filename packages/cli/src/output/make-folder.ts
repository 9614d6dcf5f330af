import { mkdirSync, rmdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Makes the folder `path` and whatever folders above it are missing, as `mkdir -p` does, and returns
 * how to take them back: the folders it made, deepest first, each only while it is empty. So a
 * command that fails before writing anything into them leaves no empty folders behind, and what was
 * there before, or came into them since, stays.
 */
export function makeFolder(path: string): () => void {
  // One folder at a time, not mkdirSync's `recursive`: where mkdir says ENOENT under a folder that
  // exists (/proc/x), Node's recursive mkdir retries forever at full CPU instead of failing.
  const missing: string[] = [];
  for (let folder = path; statSync(folder, { throwIfNoEntry: false }) === undefined; folder = dirname(folder)) {
    missing.push(folder);
    if (dirname(folder) === folder) break;
  }
  const made: string[] = [];
  try {
    for (const folder of missing.reverse()) {
      try {
        mkdirSync(folder);
      } catch (error) {
        // Made meanwhile by someone else: theirs, and there, which is all that is needed.
        if ((error as NodeJS.ErrnoException).code === 'EEXIST' && statSync(folder).isDirectory()) continue;
        throw error;
      }
      made.push(folder);
    }
  } catch (error) {
    undo(made);
    throw error;
  }
  return () => undo(made);
}

/** Removes `made` (top-down order of making), deepest first, stopping at the first that is not empty. */
function undo(made: readonly string[]): void {
  for (const folder of [...made].reverse()) {
    try {
      rmdirSync(folder);
    } catch {
      return; // not empty: it stays, and so do the folders above it
    }
  }
}
