/**
 * What `rprop train --save` records of the run beside the model, in `model.json`'s
 * `userDefinedMetadata` (TF.js keeps it with the model, and its loaders hand it back): what
 * `--resume` needs to go on as one uninterrupted run would, and the model and optimizer do not hold.
 */
export interface TrainRecord {
  /** Epochs trained in all, over every run that led to this model: where a resumed run starts counting. */
  readonly epochs: number;
  /** --seed: it chose the initial weights and seeds the stream of --batch-size's shuffles. */
  readonly seed: number;
  /** --batch-size as given (null: not given, full batch): a resumed run keeps it unless given another. */
  readonly batchSize: number | null;
  /**
   * How many epoch shuffles the seed's stream has given: each epoch's order is shuffled from the
   * previous one's, so a resumed run replays these to continue the stream (full-batch epochs shuffle nothing).
   */
  readonly shuffles: number;
}

/** The key of the record in `userDefinedMetadata`. */
export const TRAIN_RECORD_KEY = 'rpropTrain';

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/**
 * The record in a saved model's `userDefinedMetadata`, checked.
 * Returns a reason (a string) when there is none or it is not one, for the caller to say with the folder.
 */
export function readTrainRecord(metadata: unknown): TrainRecord | string {
  const record = (metadata as Record<string, unknown> | null | undefined)?.[TRAIN_RECORD_KEY];
  if (record === undefined || record === null) {
    return `model.json holds no record of the rprop train run (userDefinedMetadata.${TRAIN_RECORD_KEY}): saved by another program or an earlier rprop, it does not say how many epochs it trained or its seed`;
  }
  const r = record as Record<string, unknown>;
  for (const key of ['epochs', 'seed', 'shuffles'] as const) {
    if (!isCount(r[key])) return `model.json's userDefinedMetadata.${TRAIN_RECORD_KEY}.${key} is ${JSON.stringify(r[key])}, not a whole number ≥ 0`;
  }
  if (r.batchSize !== null && !(isCount(r.batchSize) && r.batchSize >= 1)) {
    return `model.json's userDefinedMetadata.${TRAIN_RECORD_KEY}.batchSize is ${JSON.stringify(r.batchSize)}, not null or a whole number ≥ 1`;
  }
  return { epochs: r.epochs as number, seed: r.seed as number, batchSize: r.batchSize as number | null, shuffles: r.shuffles as number };
}
