import { shownColumnName } from '../data/column-name.js';
import type { Dataset } from '../data/dataset.js';

/**
 * A CSV's columns as the run uses them, for the text report; undefined for FANN or a built-in set.
 * Said because it is easy to get wrong unseen: an unnamed first column (pandas' index, as to_csv
 * writes it) is trained on as an input, and without --target the target is whichever column is last.
 */
export function columnsLine(data: Dataset): string | undefined {
  if (data.inputNames === undefined || data.outputNames === undefined) return undefined;
  // A name with a line break or a comma (a quoted CSV header cell may hold either) is quoted, as in
  // JSON (see shownColumnName); an empty one is said to be so.
  const shown = (name: string) => (name === '' ? '(no name)' : shownColumnName(name));
  const list = (names: string[]) => names.map(shown).join(', ');
  return `inputs ${list(data.inputNames)}; ${data.outputs === 1 ? 'target' : 'targets'} ${list(data.outputNames)}`;
}
