import { existsSync } from 'node:fs';
import { STDIN_NAME } from '../data/stdin.js';
import { InputError } from '../errors/input-error.js';
import { isWithin, sameFile } from './same-place.js';

/** A file the run reads, as the user gave it, and what it is to the run ("the training data"). */
export interface Input {
  path: string;
  role: string;
}

/**
 * Refuses an output that would overwrite or delete an input: a `--plot` that is DATA or `--test`
 * (renamed over it, the SVG would replace the very data the run was trained on), or a `--save`
 * folder that holds one (the save swaps the folder and deletes its model files: data named
 * `weights.bin` beside a previous model would go). Files are compared as files, not names, so
 * `./data.csv`, `../x/data.csv` and links are caught.
 */
export function checkKeepsInputs(outputs: { plot?: string | undefined; save?: string | undefined }, inputs: readonly Input[]): void {
  for (const { path: given, role } of inputs) {
    // `-` (standard input) given a file with `<`: that file, where the system names it.
    const path = given === STDIN_NAME ? '/dev/stdin' : given;
    if (!existsSync(path)) continue; // a built-in set's name, or a missing file that loading will report
    if (outputs.plot !== undefined && sameFile(outputs.plot, path)) {
      throw new InputError(`${outputs.plot}: is ${role} (${given}); --plot would overwrite it`);
    }
    if (outputs.save !== undefined && isWithin(path, outputs.save)) {
      throw new InputError(`${outputs.save}: holds ${role} (${given}); --save would delete it`);
    }
  }
}
