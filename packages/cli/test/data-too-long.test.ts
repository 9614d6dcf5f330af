import { describe, expect, it } from 'vitest';
import { decodedText } from '../src/data/read-text.js';

// A file over ≈512 MiB cannot become one string: Node throws ERR_STRING_TOO_LONG, which `rprop train`
// reported as "internal error: Cannot create a string longer than 0x1fffffe8 characters" (measured on
// a 600 MiB FANN file). Making such a file here would take that much memory: the bytes below stand for
// one, failing to decode as Node fails.
function tooLongBytes(length: number): Buffer {
  const bytes = Buffer.from('1 2 1\n0 0\n0\n');
  Object.defineProperty(bytes, 'length', { value: length });
  bytes.toString = () => {
    throw Object.assign(new Error('Cannot create a string longer than 0x1fffffe8 characters'), { code: 'ERR_STRING_TOO_LONG' });
  };
  return bytes;
}

describe('a data file too long to be one string', () => {
  it('is refused as the data, naming its size and what to do', () => {
    expect(() => decodedText(tooLongBytes(600 * 2 ** 20), 'big.train')).toThrow(
      'big.train: is 600 MiB, more text than one string can hold (about 512 MiB): data files are read whole, so split it, or train on a sample of its rows',
    );
  });

  it('other decoding failures still pass through, as ours to fix', () => {
    const bytes = Buffer.from('1 2 1\n');
    bytes.toString = () => {
      throw new Error('something else');
    };
    expect(() => decodedText(bytes, 'f.train')).toThrow(/^something else$/);
  });

  it('ordinary text decodes, without its byte order mark', () => {
    expect(decodedText(Buffer.from('\uFEFFa,y\n1,2\n'), 'f.csv')).toBe('a,y\n1,2\n');
  });
});
