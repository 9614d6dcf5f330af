import { lstatSync, readdirSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { atPath } from '../errors/at-path.js';
import { InputError } from '../errors/input-error.js';
import { checkParentFolder } from './destination.js';
import { fileKind } from './file-kind.js';
import { isMountPoint } from './mount-point.js';
import { isWithin } from './same-place.js';

/** The files `stageModel` writes: the only things `--save` may ever replace. */
export const MODEL_FILES: readonly string[] = ['model.json', 'weights.bin'];

/** Why `--save` may not replace what is at a path: what is there, and what `--save` takes instead. */
export interface Unreplaceable {
  what: string;
  rule: string;
}

/**
 * Whether `--save` may replace what is at `dir`: nothing there yet, an empty folder, or one holding
 * nothing but `model.json` and `weights.bin`; else why not. The save swaps the whole folder for a
 * freshly written one, so anything else in it would be deleted, a file or a symbolic link would be
 * replaced by a folder, and a folder something is mounted on cannot be moved at all. Asked before
 * training, and again just before the swap, which is how a folder changed during training is found
 * out.
 */
export function unreplaceable(dir: string): Unreplaceable | undefined {
  const target = resolve(dir);
  const stat = atPath(dir, () => lstatSync(target, { throwIfNoEntry: false }));
  if (stat === undefined) return undefined; // a new folder
  if (stat.isSymbolicLink()) return { what: 'is a symbolic link', rule: '--save takes a real folder and will not replace a link' };
  if (!stat.isDirectory()) return { what: `is ${fileKind(stat)}`, rule: `--save writes a model folder and will not replace ${fileKind(stat)}` };
  if (atPath(dir, () => isMountPoint(target))) {
    return { what: 'is a mount point', rule: '--save replaces the whole folder, which a mount point cannot be: save to a folder inside it' };
  }
  const others = atPath(dir, () => readdirSync(target, { withFileTypes: true }))
    .filter((e) => !(e.isFile() && MODEL_FILES.includes(e.name)))
    .map((e) => e.name)
    .sort();
  if (others.length > 0) {
    const names = others.slice(0, 3).join(', ') + (others.length > 3 ? `, and ${others.length - 3} more` : '');
    return { what: `the folder holds other files (${names})`, rule: '--save writes only to a new or empty folder or over a previous model (model.json, weights.bin)' };
  }
  // Swapping the folder the shell that started us stands in would leave it in a deleted folder. (A
  // folder that holds the current one holds something else, and was refused above.)
  if (target === process.cwd()) return { what: 'is the current folder', rule: 'give --save a folder of its own' };
  return undefined;
}

/**
 * Refuses a `--save` folder unless replacing it can only lose a model (see `unreplaceable`). The
 * folder it goes in must exist. Runs before training, so a long run never ends in this refusal.
 */
export function checkModelFolder(dir: string): void {
  if (dir === '') throw new InputError('--save: the folder name is empty');
  checkParentFolder(dir); // the new model is written beside the target, then moved into place
  const problem = unreplaceable(dir);
  if (problem !== undefined) throw new InputError(`${dir}: ${problem.what}; ${problem.rule}`);
}

/**
 * Refuses a `--plot` file that is, or is inside, the `--save` folder: the save swaps that folder for
 * one holding only the model, and the plot would end up in the replaced folder or in the way. By
 * name, for a folder not made yet, and as a place, for one reached through a link (`--plot
 * link/curve.svg`, the link leading to the model folder, left the plot in the replaced folder and
 * the save failing on it).
 */
export function checkPlotOutsideModel(plot: string, dir: string): void {
  const fromModel = relative(resolve(dir), resolve(plot));
  const named = !isAbsolute(fromModel) && fromModel !== '..' && !fromModel.startsWith(`..${sep}`); // ('' too: the same path)
  if (named || isWithin(plot, dir)) {
    throw new InputError(`${plot}: is in the --save folder ${dir}, which holds only the model; write the plot elsewhere`);
  }
}
