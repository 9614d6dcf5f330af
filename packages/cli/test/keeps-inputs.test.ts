import { linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectOneLineError } from './expect-error.js';
import { rprop } from './run-cli.js';
import { tempFolder } from './temp-folder.js';

// Every case runs in this folder, so paths in messages are as typed.
const dir = tempFolder('rprop-inputs-');
const XOR_CSV = 'a,b,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n';
const TWO_FANN = '2 2 1\n0 0\n0\n0 1\n1\n';
writeFileSync(join(dir, 'data.csv'), XOR_CSV);
writeFileSync(join(dir, 'test.csv'), XOR_CSV.replace('1,1,0', '1,1,1'));
writeFileSync(join(dir, 'two.train'), TWO_FANN);
symlinkSync('data.csv', join(dir, 'link.csv'));
linkSync(join(dir, 'data.csv'), join(dir, 'hard.csv'));
mkdirSync(join(dir, 'sub'));
// A previous model's folder that also holds training data, named as the model's weights (FANN reads any name).
mkdirSync(join(dir, 'old'));
writeFileSync(join(dir, 'old', 'model.json'), '{}');
writeFileSync(join(dir, 'old', 'weights.bin'), TWO_FANN);
symlinkSync('old', join(dir, 'olink'));
// Training data named elsewhere, a link into that folder: deleting the folder loses what the link leads to.
symlinkSync(join('old', 'weights.bin'), join(dir, 'wlink.train'));
mkdirSync(join(dir, 'model'));
symlinkSync('model', join(dir, 'mlink'));

/** Every file and link under `folder` with its bytes (a link: where it leads): what must not change. */
function snapshot(folder = dir): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) files[path] = `-> ${readlinkSync(path)}`;
    else if (stat.isDirectory()) Object.assign(files, snapshot(path), { [path]: '(folder)' });
    else files[path] = readFileSync(path, 'latin1');
  }
  return files;
}
const before = snapshot();

type Case = [name: string, args: string[], line: RegExp];

describe('no output overwrites or deletes an input: refused before training, with exit code 2, nothing written', () => {
  const cases: Case[] = [
    // Was: exit 0, data.csv replaced by the SVG of a run trained on it.
    ['--plot the training data', ['train', 'data.csv', '--plot', 'data.csv'], /^rprop: data\.csv: is the training data \(data\.csv\); --plot would overwrite it$/],
    ['--plot the training data spelled otherwise (./sub/..)', ['train', 'data.csv', '--plot', './sub/../data.csv'], /^rprop: \.\/sub\/\.\.\/data\.csv: is the training data \(data\.csv\); --plot would overwrite it$/],
    ['--plot the training data from the folder above', ['train', 'data.csv', '--plot', `../${basename(dir)}/data.csv`], /^rprop: \.\.\/rprop-inputs-\w+\/data\.csv: is the training data \(data\.csv\); --plot would overwrite it$/],
    ['--plot the --test data', ['train', 'data.csv', '--test', 'test.csv', '--plot', 'test.csv'], /^rprop: test\.csv: is the --test data \(test\.csv\); --plot would overwrite it$/],
    ['--plot a symbolic link to the training data', ['train', 'data.csv', '--plot', 'link.csv'], /^rprop: link\.csv: is the training data \(data\.csv\); --plot would overwrite it$/],
    ['--plot the file the training data links to', ['train', 'link.csv', '--plot', 'data.csv'], /^rprop: data\.csv: is the training data \(link\.csv\); --plot would overwrite it$/],
    ['--plot a hard link to the training data', ['train', 'data.csv', '--plot', 'hard.csv'], /^rprop: hard\.csv: is the training data \(data\.csv\); --plot would overwrite it$/],
    // Was: exit 0, old/weights.bin (the training data) deleted with the previous model.
    ['--save a folder whose weights.bin is the training data', ['train', 'old/weights.bin', '--save', 'old'], /^rprop: old: holds the training data \(old\/weights\.bin\); --save would delete it$/],
    ['--save a folder holding the training data, reached through a link', ['train', 'olink/weights.bin', '--save', './old'], /^rprop: \.\/old: holds the training data \(olink\/weights\.bin\); --save would delete it$/],
    ['--save the folder a link to the training data leads into', ['train', 'wlink.train', '--save', 'old'], /^rprop: old: holds the training data \(wlink\.train\); --save would delete it$/],
    ['--save a folder holding the --test data', ['train', 'two.train', '--test', 'old/weights.bin', '--save', 'old'], /^rprop: old: holds the --test data \(old\/weights\.bin\); --save would delete it$/],
    // Was: trained, then "internal error: ENOTEMPTY", exit 1, the plot left in a stray model.old-<pid> folder.
    ['--plot into the --save folder through a link', ['train', 'xor', '--save', 'model', '--plot', 'mlink/curve.svg'], /^rprop: mlink\/curve\.svg: is in the --save folder model, which holds only the model; write the plot elsewhere$/],
  ];
  it.each(cases)('%s', (_name, args, line) => {
    // Without --json the piped progress prints a line at epoch 1: a one-line stderr means training never started.
    expectOneLineError(rprop([...args, '--epochs', '3', '--backend', 'cpu'], dir), 2, line);
    expect(snapshot()).toEqual(before);
  });
});
