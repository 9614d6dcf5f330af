import { existsSync, statSync } from 'node:fs';
import { atPath } from '../errors/at-path.js';
import { BUILTIN } from './builtin.js';
import { parseCsv } from './csv.js';
import { DataError, type Dataset } from './dataset.js';
import { parseFann } from './fann.js';
import { readText } from './read-text.js';

/** How `loadDataset` reads a data argument. */
export type DataFormat = 'builtin' | 'csv' | 'fann';

/**
 * How `loadDataset` will read `spec`: a built-in set by name (unless a file of that name exists), a
 * CSV when the name ends in `.csv` (any case), else FANN's format. The name decides, not the content.
 */
export function formatOf(spec: string): DataFormat {
  // Own names only: `constructor` or `__proto__` are not built-in sets.
  if (Object.hasOwn(BUILTIN, spec) && !existsSync(spec)) return 'builtin';
  return spec.toLowerCase().endsWith('.csv') ? 'csv' : 'fann';
}

/** A built-in set's name, a `.csv` file (with a header), or a FANN-format file (anything else). */
export function loadDataset(spec: string, targets?: string[]): Dataset {
  const format = formatOf(spec);
  if (format === 'builtin') return BUILTIN[spec]!();
  if (!Object.hasOwn(BUILTIN, spec)) return loadFile(spec, format, targets);
  // A file or folder of a built-in set's name is read instead of the set (a folder can't be): when
  // that fails, say why the set was not used, or `xor: not a file` makes no sense.
  try {
    return loadFile(spec, format, targets);
  } catch (e) {
    if (!(e instanceof DataError)) throw e;
    throw new DataError(e.file, e.line, `${e.detail} (a file or folder named ${spec} is in this folder, and is read instead of the built-in set ${spec}: run from another folder to use the set)`);
  }
}

function loadFile(spec: string, format: DataFormat, targets: string[] | undefined): Dataset {
  const stat = atPath(spec, () => statSync(spec, { throwIfNoEntry: false }));
  if (stat === undefined) throw new DataError(spec, null, `no such file (and not a built-in set: ${Object.keys(BUILTIN).join(', ')})`);
  // A pipe is read to its end, as a file is: `rprop train /dev/stdin < …`, `cat … | rprop train
  // /dev/stdin` and `rprop train <(zcat data.train.gz)` were "not a file". A folder, a socket or a device
  // is still refused (a device such as /dev/zero would be read forever).
  if (!stat.isFile() && !stat.isFIFO()) throw new DataError(spec, null, 'not a file');
  const text = readText(spec);
  return format === 'csv' ? parseCsv(text, spec, targets) : parseFann(text, spec);
}
