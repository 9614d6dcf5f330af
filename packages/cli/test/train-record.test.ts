import { describe, expect, it } from 'vitest';
import { readTrainRecord, TRAIN_RECORD_KEY } from '../src/resume/train-record.js';

// The record --save keeps beside the model (model.json's userDefinedMetadata) is what --resume counts
// epochs and replays shuffles from: one that is missing or malformed must be said, never guessed.

const metadata = (record: unknown) => ({ [TRAIN_RECORD_KEY]: record });

describe('readTrainRecord', () => {
  it('reads a record as --save writes it', () => {
    expect(readTrainRecord(metadata({ epochs: 12, seed: 3, batchSize: 32, shuffles: 12 }))).toEqual({ epochs: 12, seed: 3, batchSize: 32, shuffles: 12 });
    expect(readTrainRecord(metadata({ epochs: 0, seed: 0, batchSize: null, shuffles: 0 }))).toEqual({ epochs: 0, seed: 0, batchSize: null, shuffles: 0 });
  });

  it.each([undefined, null, {}, { other: 1 }])('says there is none in %j', (meta) => {
    expect(readTrainRecord(meta)).toMatch(/^model\.json holds no record of the rprop train run \(userDefinedMetadata\.rpropTrain\)/);
  });

  // A record written as null (a hand-edited or foreign model.json) is none, said as such, not a TypeError.
  it('says there is none when the record is null', () => {
    expect(readTrainRecord(metadata(null))).toMatch(/^model\.json holds no record of the rprop train run \(userDefinedMetadata\.rpropTrain\)/);
  });

  it.each([
    [{ seed: 1, batchSize: null, shuffles: 0 }, /\.epochs is undefined, not a whole number ≥ 0$/],
    [{ epochs: -1, seed: 1, batchSize: null, shuffles: 0 }, /\.epochs is -1, not a whole number ≥ 0$/],
    [{ epochs: 2, seed: '1', batchSize: null, shuffles: 0 }, /\.seed is "1", not a whole number ≥ 0$/],
    [{ epochs: 2, seed: 1, batchSize: null, shuffles: 0.5 }, /\.shuffles is 0\.5, not a whole number ≥ 0$/],
    [{ epochs: 2, seed: 1, batchSize: 0, shuffles: 0 }, /\.batchSize is 0, not null or a whole number ≥ 1$/],
  ])('names what is wrong in %j', (record, message) => {
    expect(readTrainRecord(metadata(record))).toMatch(message);
  });
});
