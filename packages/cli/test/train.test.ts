import * as tf from '../src/tf.js';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import 'rprop-tfjs';
import { rprop } from './run-cli.js';
import { tempFolder } from './temp-folder.js';

const dir = tempFolder('rprop-train-');
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const lastJson = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!);

describe('rprop train', () => {
  it('trains with every --optimizer (the + variants get the loss; the others must not be asked for it)', () => {
    for (const optimizer of ['rprop', 'adam', 'sgd', 'signum', 'lion']) {
      const r = rprop(['train', 'xor', '--hidden', '4', '--epochs', '40', '--optimizer', optimizer, '--json', '--backend', 'cpu']);
      expect(r.status, `${optimizer}: ${r.stderr}`).toBe(0);
      const result = lastJson(r.stdout);
      expect(result).toMatchObject({ optimizer, epochs: 40 });
      expect(result.trainMse).toBeLessThan(0.5);
    }
  });

  it('trains xor to the target with every Rprop variant, and reports one JSON line last', () => {
    for (const variant of ['rprop-', 'irprop-', 'rprop+', 'irprop+']) {
      const r = rprop(['train', 'xor', '--hidden', '4', '--target-mse', '0.01', '--epochs', '2000', '--variant', variant, '--lr', '0.1', '--json', '--backend', 'cpu']);
      expect(r.status, r.stderr).toBe(0);
      const result = lastJson(r.stdout);
      expect(result).toMatchObject({ data: 'xor', optimizer: 'rprop', variant, reachedTarget: true });
      expect(result.trainMse).toBeLessThan(0.02);
      expect(result.epochs).toBeGreaterThan(0);
    }
  });

  it('is deterministic with --seed', () => {
    const run = () => lastJson(rprop(['train', 'parity8', '--hidden', '8', '--epochs', '30', '--seed', '7', '--json', '--backend', 'cpu']).stdout);
    const [a, b] = [run(), run()];
    expect(a.trainMse).toBe(b.trainMse);
    expect(a.epochs).toBe(30);
  });

  it('reads FANN and CSV files, evaluates --test, writes --plot and --save (a LayersModel with its optimizer)', async () => {
    const fann = file('tiny.train', '4 2 1\n0 0\n0\n0 1\n1\n1 0\n1\n1 1\n0\n');
    const csv = file('tiny.csv', 'a,b,out\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n');
    const plot = join(dir, 'curve.svg');
    const saved = join(dir, 'model');
    const r = rprop(['train', fann, '--test', fann, '--hidden', '4', '--epochs', '40', '--plot', plot, '--save', saved, '--variant', 'irprop+', '--backend', 'cpu']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/train MSE [\d.e-]+, bit-fail \d+/);
    expect(r.stdout).toMatch(/test {2}MSE/);
    expect(readFileSync(plot, 'utf8')).toMatch(/^<svg[\s\S]*<\/svg>$/);
    expect(readdirSync(saved).sort()).toEqual(['model.json', 'weights.bin']);
    const manifest = JSON.parse(readFileSync(join(saved, 'model.json'), 'utf8'));
    expect(manifest.trainingConfig.optimizer_config).toMatchObject({ class_name: 'Rprop', config: { variant: 'irprop+' } });
    const weights = readFileSync(join(saved, 'weights.bin'));
    const model = await tf.loadLayersModel(
      tf.io.fromMemory({ modelTopology: manifest.modelTopology, weightSpecs: manifest.weightsManifest[0].weights, weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength), trainingConfig: manifest.trainingConfig }),
    );
    expect(model.optimizer.getClassName()).toBe('Rprop');
    expect(readdirSync(dir).filter((f) => f.includes('.partial-'))).toEqual([]);
    const c = rprop(['train', csv, '--target', 'out', '--hidden', '3', '--epochs', '5', '--json', '--backend', 'cpu']);
    expect(c.status, c.stderr).toBe(0);
    expect(lastJson(c.stdout)).toMatchObject({ epochs: 5 });
    // As spreadsheets export: quoted fields, and every line ending in a comma.
    const exported = file('exported.csv', '"a","b,c","out",\n"0","0","0",\n0,1,1,\n1,0,1,\n1,1,0,\n');
    const e = rprop(['train', exported, '--target', 'out', '--hidden', '3', '--epochs', '5', '--backend', 'cpu']);
    expect(e.status, e.stderr).toBe(0);
    expect(e.stdout).toContain('4 samples, 2 inputs, 1 output;');
  });
});

describe('bad input: one line naming the file and line, exit code 2, no stack trace, nothing saved', () => {
  const cases: Array<[string, () => string[], RegExp]> = [
    ['a missing file', () => [join(dir, 'missing.train')], /missing\.train: no such file/],
    ['a header that disagrees with the data', () => [file('short.train', '3 2 1\n0 0\n0\n0 1\n1\n')], /short\.train:5: the header says 3 pairs \(6 lines\), the file has 4 data lines/],
    ['a header claiming fewer pairs than the file holds (the first extra line)', () => [file('claimsfewer.train', '2 2 1\n0 0\n0\n0 1\n1\n1 0\n1\n1 1\n0\n')], /^rprop: .*claimsfewer\.train:6: the header says 2 pairs \(4 lines\), the file has 8 data lines$/],
    ['a ;-separated CSV', () => [file('semi.csv', 'a;b;y\n0;0;0\n0;1;1\n')], /^rprop: .*semi\.csv:1: the header is one column, "a;b;y": a CSV is comma-separated, and this file looks ;-separated$/],
    ['a non-number', () => [file('word.train', '2 2 1\n0 0\n0\n0 x\n1\n')], /word\.train:4: not a number: "x"/],
    ['a value float32 cannot hold (was: "diverged at epoch 0", exit 1)', () => [file('beyond.train', '2 2 1\n0 0\n0\n0 1e39\n1\n')], /^rprop: .*beyond\.train:4: "1e39" is beyond ±3\.4e38, the range of float32 \(the type training computes in\)$/],
    ['a target float32 cannot hold (CSV)', () => [file('beyond.csv', 'a,y\n0,-4e38\n')], /^rprop: .*beyond\.csv:2: column "y": "-4e38" is beyond ±3\.4e38/],
    ['a wrong column count (FANN)', () => [file('wide.train', '2 2 1\n0 0 0\n0\n0 1\n1\n')], /wide\.train:2: expected 2 inputs, got 3 values/],
    ['a wrong column count (CSV)', () => [file('ragged.csv', 'a,b,y\n0,1,1\n1,1\n')], /ragged\.csv:3: expected 3 columns as in the header, got 2/],
    ['an unknown CSV target', () => [file('cols.csv', 'a,b,y\n0,1,1\n'), '--target', 'z'], /cols\.csv:1: no column named "z"/],
    ['an unterminated quote (CSV)', () => [file('open.csv', 'a,y\n"0,1\n')], /^rprop: .*open\.csv:2: unterminated quote: field 1 opens a " and never closes it$/],
    ['a name twice in a CSV header', () => [file('twice.csv', 'y,x,y\n0,0,1\n')], /^rprop: .*twice\.csv:1: the header names "y" twice \(columns 1 and 3\)$/],
    ['a CSV without a header', () => [file('noheader.csv', '0,1,0\n0,0,0\n')], /^rprop: .*noheader\.csv:1: the first line is all numbers: the CSV needs a header line naming its columns$/],
    ['a bad option', () => ['xor', '--hidden', 'big'], /--hidden takes sizes like 16 or 16,8/],
  ];
  it.each(cases)('%s', (_name, args, message) => {
    const saved = join(dir, `never-${Math.random().toString(36).slice(2)}`);
    const r = rprop(['train', ...args(), '--save', saved, '--backend', 'cpu']);
    expect(r.status).toBe(2);
    expect(r.stderr.trimEnd()).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(saved)).toBe(false);
  });
});
