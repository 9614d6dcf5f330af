import { lstatSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathReason } from '../errors/at-path.js';
import { InputError } from '../errors/input-error.js';
import { MODEL_FILES, unreplaceable } from './model-folder.js';
import type { Revertible } from './staged.js';

/**
 * The calls of the swap that someone else's doing can make fail. A test passes its own, to make
 * one fail as only a race could: between two calls a microsecond apart.
 */
export interface SwapCalls {
  renameSync(from: string, to: string): void;
  rmdirSync(path: string): void;
}

/** Why a call failed, in a few words. */
const why = (error: unknown) => pathReason(error) ?? (error instanceof Error ? error.message : String(error));

/**
 * Puts the folder `staged`, a new model written beside `dir`, in the place of `dir`. `commit` checks
 * `dir` again (it may have changed during training), moves it aside to `dir.old-<pid>` and `staged`
 * into its place: two renames, so a reader never sees half a model. Until `discard`, `revert` swaps
 * back; `discard` then deletes what is aside, the previous model's own files and its folder, never
 * recursively. Every failure leaves the previous model in `dir` and nothing of ours beside it, or
 * says where the previous model is when putting it back failed too (which takes someone taking its
 * place in the microsecond between two renames). Failures are InputErrors: a folder that changed, or
 * cannot be moved, is the user's to see to.
 */
export function swapFolder(staged: string, dir: string, calls: SwapCalls = { renameSync, rmdirSync }): Revertible {
  const target = resolve(dir);
  const aside = `${target}.old-${process.pid}`;
  let state: 'staged' | 'committed' | 'discarded' = 'staged';
  let replacing = false;
  const changed = (what: string) => new InputError(`${dir}: changed during training: ${what}; nothing was written`);
  const notReplaced = (error: unknown) => new InputError(`${dir}: could not be replaced: ${why(error)}; nothing was written`);
  const stuck = (error: unknown) => new InputError(`${dir}: the save could not be undone (${why(error)})${replacing ? `; the previous model is in ${aside}` : ''}`);

  const revert = () => {
    if (state !== 'committed') return;
    try {
      calls.renameSync(target, staged);
      if (replacing) calls.renameSync(aside, target);
    } catch (error) {
      throw stuck(error);
    }
    state = 'staged';
  };

  return {
    commit() {
      const problem = unreplaceable(dir);
      if (problem !== undefined) throw changed(problem.what);
      replacing = lstatSync(target, { throwIfNoEntry: false }) !== undefined;
      if (replacing) {
        try {
          calls.renameSync(target, aside);
        } catch (error) {
          throw notReplaced(error);
        }
      }
      try {
        calls.renameSync(staged, target);
      } catch (error) {
        try {
          if (replacing) calls.renameSync(aside, target);
        } catch (again) {
          throw stuck(again);
        }
        throw notReplaced(error);
      }
      state = 'committed';
      // What came into the folder between the check and the move is in the folder moved aside now,
      // which `discard` would fail to delete, after the outputs were in place: undo the swap instead.
      const late = replacing ? unreplaceable(aside) : undefined;
      if (late !== undefined) {
        revert();
        throw changed(late.what);
      }
    },
    revert,
    discard() {
      if (state === 'staged') rmSync(staged, { recursive: true, force: true });
      if (state === 'committed' && replacing) {
        for (const name of MODEL_FILES) rmSync(join(aside, name), { force: true });
        try {
          calls.rmdirSync(aside); // fails rather than delete anything that came in since the last look
        } catch (error) {
          state = 'discarded';
          throw new InputError(`${dir}: saved, but ${aside}, where the previous model was, could not be removed (${why(error)}) and was left as it is`);
        }
      }
      state = 'discarded';
    },
  };
}
