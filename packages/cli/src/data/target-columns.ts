import { DataError, type Dataset } from './dataset.js';

/**
 * Refuses test data whose CSV target column is named otherwise than the training data's. Without
 * --target each file's last column is its target, whatever its name: `a,b,id` after training on
 * `a,b,y` (inputs alike, so `checkInputColumns` passes) had the predictions of y scored against the
 * ids, and a test MSE reported without a word. (With --target both files name the same columns.)
 */
export function checkTargetColumns(data: Dataset, test: Dataset, testFile: string): void {
  if (data.outputNames === undefined || test.outputNames === undefined) return; // (a FANN file or a built-in set has no names)
  if (test.outputNames.every((name, i) => name === data.outputNames![i])) return;
  const list = (names: string[]) => names.map((name) => JSON.stringify(name)).join(', ');
  throw new DataError(
    testFile,
    test.headerLine ?? null,
    `the target column is ${list(test.outputNames)}, the training data's ${list(data.outputNames)}: without --target each file's last column is its target, so both files need the target column under the same name`,
  );
}
