import { existsSync, fstatSync, statSync } from 'node:fs';
import { isatty } from 'node:tty';
import { atPath } from '../errors/at-path.js';
import { BUILTIN } from './builtin.js';
import { parseCsv } from './csv.js';
import { DataError, type Dataset } from './dataset.js';
import { parseFann } from './fann.js';
import { ownDescriptor } from './own-descriptor.js';
import { readText } from './read-text.js';
import { STDIN_LABEL, STDIN_NAME } from './stdin.js';

/** How `loadDataset` reads a data argument. */
export type DataFormat = 'builtin' | 'csv' | 'fann';

/** `--format`'s values: how a file is read; `auto` by its name. */
export const FORMAT_CHOICES = ['auto', 'csv', 'fann'] as const;
/** One of `FORMAT_CHOICES`: what `--format` was given (`auto` when it was not). */
export type FormatChoice = (typeof FORMAT_CHOICES)[number];

/**
 * How `loadDataset` will read `spec`: a built-in set by name (unless a file of that name exists), else
 * a file, in the format `choice` names; with `auto`, a CSV when the name ends in `.csv` (any case), else
 * FANN's format. The name or the flag decides, never the content.
 */
export function formatOf(spec: string, choice: FormatChoice = 'auto'): DataFormat {
  // Own names only: `constructor` or `__proto__` are not built-in sets.
  if (Object.hasOwn(BUILTIN, spec) && !existsSync(spec)) return 'builtin';
  if (choice !== 'auto') return choice;
  return spec.toLowerCase().endsWith('.csv') ? 'csv' : 'fann';
}

/**
 * A built-in set's name, or a file read as `choice` says: by default a `.csv` file (with a header), or a
 * FANN-format file (anything else). A pipe is read too; `--format csv` is how a CSV arrives through one.
 */
export function loadDataset(spec: string, targets?: string[], choice: FormatChoice = 'auto'): Dataset {
  const format = formatOf(spec, choice);
  if (format === 'builtin') return BUILTIN[spec]!();
  if (!Object.hasOwn(BUILTIN, spec)) return loadFile(spec, format, choice, targets);
  // A file or folder of a built-in set's name is read instead of the set (a folder can't be): when
  // that fails, say why the set was not used, or `xor: not a file` makes no sense.
  try {
    return loadFile(spec, format, choice, targets);
  } catch (e) {
    if (!(e instanceof DataError)) throw e;
    throw new DataError(e.file, e.line, `${e.detail} (a file or folder named ${spec} is in this folder, and is read instead of the built-in set ${spec}: run from another folder to use the set)`);
  }
}

function loadFile(spec: string, format: 'csv' | 'fann', choice: FormatChoice, targets: string[] | undefined): Dataset {
  const { name, descriptor } = spec === STDIN_NAME ? stdinSource() : fileSource(spec);
  const text = readText(name, descriptor);
  // Read in the other format, a file fails on its first line: say why it was read this way, and how
  // else it could be.
  const why = readAsReason(format, choice);
  return format === 'csv' ? parseCsv(text, name, targets, why) : parseFann(text, name, why);
}

/** What to read: `name` for messages, and the descriptor to read instead of opening it, if any. */
interface Source {
  name: string;
  descriptor: number | undefined;
}

/**
 * A file by its path. A pipe is read to its end, as a file is: `rprop train /dev/stdin < …`, `cat … |
 * rprop train /dev/stdin` and `rprop train <(zcat data.train.gz)` were "not a file". So is a socket that
 * is one of this process's own descriptors: the stdin a Node parent gives its child is one, and cannot
 * be opened by name (ENXIO). A folder, another socket or a device is still refused (/dev/zero would be
 * read forever).
 */
function fileSource(spec: string): Source {
  const stat = atPath(spec, () => statSync(spec, { throwIfNoEntry: false }));
  if (stat === undefined) throw new DataError(spec, null, `no such file (and not a built-in set: ${Object.keys(BUILTIN).join(', ')})`);
  const descriptor = stat.isSocket() ? ownDescriptor(spec) : undefined;
  if (!stat.isFile() && !stat.isFIFO() && descriptor === undefined) throw new DataError(spec, null, 'not a file');
  return { name: spec, descriptor };
}

/**
 * `-`: standard input, read to its end — a pipe, a socket (a Node parent's `input`) or a file given with
 * `<`. A terminal is refused (nothing was piped in: reading it would wait for typed data), as is any
 * other device (`< /dev/zero` would be read forever).
 */
function stdinSource(): Source {
  const stat = atPath(STDIN_LABEL, () => fstatSync(0));
  if (!stat.isFile() && !stat.isFIFO() && !stat.isSocket()) {
    throw new DataError(STDIN_LABEL, null, `is ${isatty(0) ? 'a terminal' : 'a device'}, not a pipe or a file: - reads standard input, so pipe the data in or use <, as in \`rprop train - < data.train\``);
  }
  return { name: STDIN_LABEL, descriptor: 0 };
}

/** Why a file is read as `format` under --format `choice`, and how else it could be: for messages. */
export function readAsReason(format: 'csv' | 'fann', choice: FormatChoice): string {
  if (format === 'csv') return choice === 'csv' ? 'read as a CSV, as --format csv says' : 'read as a CSV: a name ending in .csv is; --format fann reads it as FANN';
  return choice === 'fann' ? 'read in FANN format, as --format fann says' : 'read in FANN format: only a name ending in .csv is read as a CSV, or any name with --format csv';
}
