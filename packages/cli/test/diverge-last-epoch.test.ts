import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { rprop } from './run-cli.js';
import { tempFolder } from './temp-folder.js';

const dir = tempFolder('rprop-diverge-last-');
// As in diverge.test.ts: SGD with lr 1e6 on targets of 10 (a linear output) reaches Infinity after
// three steps, which the run without --epochs reports as "diverged at epoch 3".
writeFileSync(join(dir, 'lin.csv'), 'a,b,y\n0,0,0\n0,1,10\n1,0,10\n1,1,0\n');

it('a run whose last epoch steps into Infinity is diverged too: exit 1, no model saved (was: exit 0, diverged: false)', () => {
  const r = rprop(['train', 'lin.csv', '--optimizer', 'sgd', '--lr', '1e6', '--epochs', '3', '--save', 'model', '--json', '--backend', 'cpu'], dir);
  expect(r.status, r.stderr).toBe(1);
  expect(JSON.parse(r.stdout.trim().split('\n').at(-1)!)).toMatchObject({ epochs: 3, diverged: true, divergedAtEpoch: 3, trainMse: null });
  expect(existsSync(join(dir, 'model'))).toBe(false);
});
