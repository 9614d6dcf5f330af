import { describe, expect, it } from 'vitest';
import { rprop } from './run-cli.js';

// rprop-tfjs refuses an lr that overflows float32 (the type of TF.js variables); that is the user's
// input to fix (exit 2, naming --lr), not an internal error.
describe('an --lr that overflows float32', () => {
  it.each(['rprop', 'signum', 'lion'])('--optimizer %s --lr 1e300 is refused as input, exit code 2', (optimizer) => {
    const r = rprop(['train', 'xor', '--optimizer', optimizer, '--lr', '1e300', '--epochs', '1']);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^rprop: --lr 1e\+300: (Rprop|Signum|Lion)Optimizer: lr overflows to Infinity once rounded to float32 \(the type of TF\.js variables\), got 1e\+300\n$/);
    expect(r.stdout).toBe('');
  });
});
