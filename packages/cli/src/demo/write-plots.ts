import { accessSync, constants, lstatSync, realpathSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { atPath } from '../errors/at-path.js';
import { InputError } from '../errors/input-error.js';
import { checkFolderDestination } from '../output/destination.js';
import { makeFolder } from '../output/make-folder.js';
import { stageFile, type Staged } from '../output/staged.js';
import { isUnderProc } from '../output/under-proc.js';

/**
 * Refuses `out` for the demo's plots `names` before any work: it must not be a file, the folder it is
 * (or the nearest one above it that exists, where it would be made, with no link to nothing on the
 * way) must take new files, and no plot's name in it may be a folder (which no file can replace: the
 * demo would stop after the table with some plots written and others not).
 */
export function checkPlotFolder(out: string, names: readonly string[]): void {
  checkFolderDestination(out, '--out');
  // Else a folder the user may not write in fails only after the table, at the first plot.
  let folder = out;
  while (atPath(out, () => statSync(folder, { throwIfNoEntry: false })) === undefined && dirname(folder) !== folder) {
    // A link to nothing is there, so no folder can be made in its place: that too failed after the table.
    if (atPath(out, () => lstatSync(folder, { throwIfNoEntry: false })) !== undefined) throw new InputError(`${out}: ${folder} is a symbolic link to nothing`);
    folder = dirname(folder);
  }
  // Root passes the access check under /proc, and the demo failed only after its table (/proc/x).
  if (isUnderProc(atPath(out, () => realpathSync(folder)))) throw new InputError(`${out}: is under /proc, where nothing can be written`);
  atPath(out, () => accessSync(folder, constants.W_OK));
  for (const name of names) {
    const file = join(out, name);
    if (atPath(file, () => statSync(file, { throwIfNoEntry: false }))?.isDirectory()) {
      throw new InputError(`${file}: is a folder; --out writes the plot ${name} there`);
    }
  }
}

/**
 * Writes the plots into `out`, all or none, as `rprop train` writes its outputs: each aside first,
 * then renamed into place. A rename replaces a symbolic link of a plot's name rather than write
 * through it (a plain write overwrote whatever file the link led to), and a failure halfway (a full
 * disk) leaves the plots that were there before as they were, and no empty folder where `out` was
 * missing. Returns the files written.
 */
export function writePlots(out: string, plots: ReadonlyArray<readonly [name: string, svg: string]>): string[] {
  const unmake = atPath(out, () => makeFolder(out));
  const staged: Array<[file: string, output: Staged]> = [];
  let written = false;
  try {
    for (const [name, svg] of plots) {
      const file = join(out, name);
      staged.push([file, atPath(file, () => stageFile(file, svg))]);
    }
    for (const [file, output] of staged) atPath(file, () => output.commit());
    written = true;
  } finally {
    for (const [, output] of staged) output.discard();
    if (!written) unmake(); // the folders made for plots that were not written
  }
  return staged.map(([file]) => file);
}
