import { afterEach, describe, expect, it, vi } from 'vitest';
import { InputError } from '../src/errors/input-error.js';
import { reportError } from '../src/errors/report-error.js';

// Every failure is one line on stderr, whatever the message holds: a library's message may run over
// several lines (TF.js's do), and a script reading stderr takes the first line as the reason.
describe('reportError', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const written = () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    return () => write.mock.calls.map(([text]) => String(text)).join('');
  };

  it.each([
    ['input the user can fix', new InputError('data.csv:3:\n  expected 3 columns,\n got 2  '), 2, 'rprop: data.csv:3: expected 3 columns, got 2\n'],
    ['an internal error', new Error('Tensor is disposed\n\tin  matMul\n'), 1, 'rprop: internal error: Tensor is disposed in  matMul\n'],
  ])('%s: one line, its parts joined by a space', (_name, error, code, line) => {
    const text = written();
    expect(reportError(error)).toBe(code);
    expect(text()).toBe(line);
  });
});
