import { existsSync, readFileSync, statSync } from 'node:fs';
import { BUILTIN } from './builtin.js';
import { parseCsv } from './csv.js';
import { DataError, type Dataset } from './dataset.js';
import { parseFann } from './fann.js';

/** A built-in set's name, a `.csv` file (with a header), or a FANN-format file (anything else). */
export function loadDataset(spec: string, targets?: string[]): Dataset {
  const builtin = BUILTIN[spec];
  if (builtin !== undefined && !existsSync(spec)) return builtin();
  if (!existsSync(spec)) {
    throw new DataError(spec, null, `no such file (and not a built-in set: ${Object.keys(BUILTIN).join(', ')})`);
  }
  if (!statSync(spec).isFile()) throw new DataError(spec, null, 'not a file');
  const text = readFileSync(spec, 'utf8');
  return spec.toLowerCase().endsWith('.csv') ? parseCsv(text, spec, targets) : parseFann(text, spec);
}
