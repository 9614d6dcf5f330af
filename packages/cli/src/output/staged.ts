import { renameSync, rmSync, writeFileSync } from 'node:fs';

/**
 * An output written aside under a temporary name, not yet in place. `commit` moves it where it
 * belongs (renames only: by then the writing, which is what fails when a disk fills up, is done);
 * `discard` removes it if it was never committed, and is safe to call after `commit`.
 */
export interface Staged {
  commit(): void;
  discard(): void;
}

/** Writes `text` beside `path` under a temporary name; `commit` renames it over `path`. */
export function stageFile(path: string, text: string): Staged {
  const temporary = `${path}.partial-${process.pid}`;
  writeFileSync(temporary, text, { flag: 'wx' }); // 'wx': a file of that name that we did not make is not ours to overwrite
  let committed = false;
  return {
    commit() {
      renameSync(temporary, path);
      committed = true;
    },
    discard() {
      if (!committed) rmSync(temporary, { force: true });
    },
  };
}
