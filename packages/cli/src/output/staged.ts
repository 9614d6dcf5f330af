import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { InputError } from '../errors/input-error.js';
import { onInterrupt } from '../interrupt.js';

/**
 * An output written aside under a temporary name, not yet in place. `commit` moves it where it
 * belongs (renames only: by then the writing, which is what fails when a disk fills up, is done);
 * `discard` removes what is left aside: the output if it was never committed. Safe to call after
 * `commit`, and more than once.
 */
export interface Staged {
  commit(): void;
  discard(): void;
}

/**
 * A staged output whose commit can be undone: until `discard`, what it replaced is kept aside, and
 * `revert` puts it back (the output going back aside, for `discard` to remove).
 */
export interface Revertible extends Staged {
  revert(): void;
}

/**
 * Writes `text` beside `path` under a temporary name; `commit` renames it over `path`. Should the
 * command be interrupted before `discard`, the temporary file is removed.
 */
export function stageFile(path: string, text: string): Staged {
  const temporary = `${path}.partial-${process.pid}`;
  const remove = () => rmSync(temporary, { force: true });
  // Before the file is made: from here on an interrupt waits for the write to end, then removes it.
  const forget = onInterrupt(remove);
  try {
    writeFileSync(temporary, text, { flag: 'wx' }); // 'wx': a file of that name that we did not make is not ours to overwrite
  } catch (error) {
    // Ours unless it was there before: a full disk leaves it half-written.
    const taken = (error as NodeJS.ErrnoException).code === 'EEXIST';
    if (!taken) remove();
    forget();
    throw taken ? temporaryTaken(path, temporary) : error;
  }
  let committed = false;
  return {
    commit() {
      renameSync(temporary, path);
      committed = true;
    },
    discard() {
      if (!committed) remove();
      forget();
    },
  };
}

/**
 * The error for a temporary name (`temporary`, beside `path`, as the user gave it) taken by a file or
 * folder this command did not make: a run of another command whose process had the same id, or one
 * killed before it could clean up. Said as such (an EEXIST said "`path`: already exists", of a `path`
 * that may well not exist), and left as it is: it is not ours to overwrite or remove.
 */
export function temporaryTaken(path: string, temporary: string): InputError {
  return new InputError(`${path}: the temporary name ${temporary} is taken by something this command did not make, left as it is (remove it if it is stale); nothing was written`);
}
