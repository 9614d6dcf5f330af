import { lstatSync, readdirSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { atPath } from '../errors/at-path.js';
import { InputError } from '../errors/input-error.js';
import { checkParentFolder } from './destination.js';
import { isWithin } from './same-place.js';

/** The files `stageModel` writes: the only things `--save` may ever replace. */
export const MODEL_FILES: readonly string[] = ['model.json', 'weights.bin'];

/**
 * Refuses a `--save` folder unless replacing it can only lose a model: it must not exist yet, or be
 * an empty folder, or hold nothing but `model.json` and `weights.bin`. The save swaps the whole folder
 * for a freshly written one, so anything else in it would be deleted; a file or a symbolic link
 * would be replaced by a folder. The folder it goes in must exist. Runs before training, so a long
 * run never ends in this refusal.
 */
export function checkModelFolder(dir: string): void {
  if (dir === '') throw new InputError('--save: the folder name is empty');
  checkParentFolder(dir); // the new model is written beside the target, then moved into place
  const target = resolve(dir);
  const stat = atPath(dir, () => lstatSync(target, { throwIfNoEntry: false }));
  if (stat === undefined) return; // a new folder
  if (stat.isSymbolicLink()) throw new InputError(`${dir}: is a symbolic link; --save takes a real folder and will not replace a link`);
  if (!stat.isDirectory()) throw new InputError(`${dir}: is a file; --save writes a model folder and will not replace a file`);
  const others = atPath(dir, () => readdirSync(target, { withFileTypes: true }))
    .filter((e) => !(e.isFile() && MODEL_FILES.includes(e.name)))
    .map((e) => e.name)
    .sort();
  if (others.length > 0) {
    const names = others.slice(0, 3).join(', ') + (others.length > 3 ? `, and ${others.length - 3} more` : '');
    throw new InputError(`${dir}: the folder holds other files (${names}); --save writes only to a new or empty folder or over a previous model (model.json, weights.bin)`);
  }
  // Swapping the folder the shell that started us stands in would leave it in a deleted folder. (A
  // folder that holds the current one holds something else, and was refused above.)
  if (target === process.cwd()) throw new InputError(`${dir}: is the current folder; give --save a folder of its own`);
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
