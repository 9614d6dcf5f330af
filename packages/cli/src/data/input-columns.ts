import { shownColumnNames } from './column-name.js';
import { DataError, type Dataset } from './dataset.js';

/**
 * Refuses test data whose CSV header names other input columns than the training data's, or the same
 * ones in another order: the network takes its inputs by position, so `b,a,y` after training on
 * `a,b,y` would be evaluated with its inputs swapped, and report a wrong MSE without a word.
 */
export function checkInputColumns(data: Dataset, test: Dataset, testFile: string): void {
  if (data.inputNames === undefined || test.inputNames === undefined) return; // (a FANN file or a built-in set has no names)
  if (test.inputNames.length === data.inputNames.length && test.inputNames.every((name, i) => name === data.inputNames![i])) return;
  // The training target among the test's inputs: its last column is another one, and without
  // --target each file's last column is its target — the likelier mistake than the order of inputs.
  const target = data.outputNames?.find((name) => test.inputNames!.includes(name));
  const why = target === undefined ? '' : `; ${JSON.stringify(target)}, the training data's target, is an input here: without --target each file's last column is its target`;
  throw new DataError(testFile, test.headerLine ?? null, `the input columns are ${shownColumnNames(test.inputNames)}, the training data's ${shownColumnNames(data.inputNames)}: inputs are matched by position, so both need the same columns in the same order${why}`);
}
