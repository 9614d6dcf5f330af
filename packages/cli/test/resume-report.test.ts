import { describe, expect, it } from 'vitest';
import { rprop } from './run-cli.js';
import { tempFolder } from './temp-folder.js';

// The text report of a resumed run says where it went on from and counts both ways (docs/cli.md):
// `resumed from DIR, trained N epochs before` and `epochs M (N + M in all)`. --json's startEpoch is
// tested elsewhere; these lines are what a user reads.

const dir = tempFolder('rprop-resume-report-');

describe('rprop train --resume: the text report', () => {
  it('says the folder, the epochs before, and the epochs in all', () => {
    const first = rprop(['train', 'xor', '--hidden', '3', '--epochs', '3', '--backend', 'cpu', '--save', 'model'], dir);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).not.toMatch(/resumed from|in all/);
    expect(first.stdout).toMatch(/^epochs 3, /m);

    const resumed = rprop(['train', 'xor', '--resume', 'model', '--epochs', '2', '--backend', 'cpu'], dir);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stdout).toMatch(/^resumed from model, trained 3 epochs before$/m);
    expect(resumed.stdout).toMatch(/^epochs 2 \(5 in all\), /m);
  });
});
