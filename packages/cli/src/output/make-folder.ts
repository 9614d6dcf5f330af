import { mkdirSync, rmdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Makes the folder `path` and whatever folders above it are missing, as `mkdir -p` does, and returns
 * how to take them back: the folders it made, deepest first, each only while it is empty. So a
 * command that fails before writing anything into them leaves no empty folders behind, and what was
 * there before, or came into them since, stays.
 */
export function makeFolder(path: string): () => void {
  const first = mkdirSync(path, { recursive: true }); // the topmost folder made; undefined when none was
  if (first === undefined) return () => {};
  const top = resolve(first);
  return () => {
    // Up from `path` as given: made absolute, a path that fits PATH_MAX only relative to the current
    // folder would be too long to remove.
    for (let folder = path; ; folder = dirname(folder)) {
      try {
        rmdirSync(folder);
      } catch {
        return; // not empty: it stays, and so do the folders above it
      }
      if (resolve(folder) === top || dirname(folder) === folder) return;
    }
  };
}
