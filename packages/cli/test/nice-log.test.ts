import { describe, expect, it } from 'vitest';
import { niceLogDomain } from '../src/plot/nice-log.js';

describe('niceLogDomain', () => {
  it('rounds out to 1, 2 or 5 × a power of ten, beyond the margin', () => {
    expect(niceLogDomain(0.101, 0.23)).toEqual([0.05, 0.5]);
  });

  it('keeps an end that is a round value already (with no margin): it is the nearest at or beyond it', () => {
    expect(niceLogDomain(0.1, 0.3, 1)).toEqual([0.1, 0.5]);
    expect(niceLogDomain(0.03, 2, 1)).toEqual([0.02, 2]);
  });
});
