import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectOneLineError } from './expect-error.js';
import { rprop } from './run-cli.js';
import { tempFolder } from './temp-folder.js';

const dir = tempFolder('rprop-save-');
const fresh = (name: string) => {
  const path = join(dir, name);
  mkdirSync(path);
  return path;
};
// Without --json the piped progress prints its first line at epoch 1: a one-line stderr means training never started.
const train = (save: string, cwd?: string) => rprop(['train', 'xor', '--hidden', '2', '--epochs', '5', '--backend', 'cpu', '--save', save], cwd);

describe('--save never deletes what is not a model it wrote', () => {
  it('refuses a folder that holds anything else, before training; the file survives', () => {
    const target = fresh('notes');
    writeFileSync(join(target, 'notes.txt'), 'precious');
    expectOneLineError(train(target), 2, /^rprop: .*notes: the folder holds other files \(notes\.txt\); --save writes only to a new or empty folder or over a previous model \(model\.json, weights\.bin\)$/);
    expect(readdirSync(target)).toEqual(['notes.txt']);
    expect(readFileSync(join(target, 'notes.txt'), 'utf8')).toBe('precious');
  });

  it('refuses a folder holding a model beside other things; once only the model is left, replaces it', () => {
    const target = fresh('mixed');
    for (const f of ['model.json', 'weights.bin', 'README.md']) writeFileSync(join(target, f), 'old');
    mkdirSync(join(target, 'src'));
    expectOneLineError(train(target), 2, /^rprop: .*mixed: the folder holds other files \(README\.md, src\);/);
    expect(readdirSync(target).sort()).toEqual(['README.md', 'model.json', 'src', 'weights.bin']);
    rmSync(join(target, 'README.md'));
    rmSync(join(target, 'src'), { recursive: true });
    const r = train(target);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(target).sort()).toEqual(['model.json', 'weights.bin']);
    expect(readFileSync(join(target, 'model.json'), 'utf8')).not.toBe('old');
    expect(readdirSync(dir).filter((f) => f.includes('.old-') || f.includes('.partial-'))).toEqual([]);
  });

  it('refuses an existing file, which stays a file', () => {
    const target = join(dir, 'afile.txt');
    writeFileSync(target, 'my file');
    expectOneLineError(train(target), 2, /^rprop: .*afile\.txt: is a file; --save writes a model folder and will not replace a file$/);
    expect(readFileSync(target, 'utf8')).toBe('my file');
  });

  // Refused as before, but it said "is a file" of a device or a pipe.
  it('refuses a folder under /proc before training (as root the access check passed, and only the write failed)', () => {
    const r = train('/proc/rprop-model');
    expectOneLineError(r, 2, /^rprop: \/proc\/rprop-model: is under \/proc, where nothing can be written$/);
    expect(r.stdout).toBe('');
  });

  it('refuses a device and a named pipe, saying which', () => {
    expectOneLineError(train('/dev/null'), 2, /^rprop: \/dev\/null: is a device; --save writes a model folder and will not replace a device$/);
    const pipe = join(dir, 'apipe');
    execFileSync('mkfifo', [pipe]);
    expectOneLineError(train(pipe), 2, /^rprop: .*apipe: is a named pipe; --save writes a model folder and will not replace a named pipe$/);
  });

  it('refuses a symbolic link, and what it points to survives', () => {
    const real = fresh('real');
    writeFileSync(join(real, 'model.json'), '{}');
    const link = join(dir, 'link');
    symlinkSync(real, link);
    expectOneLineError(train(link), 2, /^rprop: .*link: is a symbolic link; --save takes a real folder and will not replace a link$/);
    expect(readdirSync(real)).toEqual(['model.json']);
  });

  it('refuses `--save .` in a folder with files in it (the working folder is not wiped)', () => {
    const project = fresh('project');
    writeFileSync(join(project, 'data.csv'), 'a,y\n0,1\n');
    expectOneLineError(train('.', project), 2, /^rprop: \.: the folder holds other files \(data\.csv\);/);
    expect(readdirSync(project)).toEqual(['data.csv']);
  });

  it('refuses `--save .` in an empty folder: the shell would be left standing in a deleted folder', () => {
    const project = fresh('here');
    expectOneLineError(train('.', project), 2, /^rprop: \.: is the current folder; give --save a folder of its own$/);
    expect(readdirSync(project)).toEqual([]);
  });

  it('refuses a --plot in the --save folder, or on it', () => {
    const target = fresh('withplot');
    for (const f of ['model.json', 'weights.bin']) writeFileSync(join(target, f), f);
    const r = rprop(['train', 'xor', '--epochs', '5', '--backend', 'cpu', '--save', target, '--plot', join(target, 'curve.svg')]);
    expectOneLineError(r, 2, /^rprop: .*withplot\/curve\.svg: is in the --save folder .*withplot, which holds only the model; write the plot elsewhere$/);
    expect(readdirSync(target).sort()).toEqual(['model.json', 'weights.bin']);
    const same = join(dir, 'same');
    expectOneLineError(rprop(['train', 'xor', '--save', same, '--plot', same, '--backend', 'cpu']), 2, /^rprop: .*same: is in the --save folder .*same, which holds only the model;/);
    expect(readdirSync(dir).filter((f) => f.startsWith('same'))).toEqual([]);
  });

  it('fills an empty --save folder, and refuses an empty name', () => {
    expectOneLineError(train(''), 2, /^rprop: --save: the folder name is empty$/);
    const empty = fresh('empty');
    const r = train(empty);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(empty).sort()).toEqual(['model.json', 'weights.bin']);
  });
});
