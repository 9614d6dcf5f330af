import { describe, expect, it } from 'vitest';
import { sharedPrefix } from '../src/plot/shared-prefix.js';

const points: Array<[number, number]> = [[0, 3], [1, 2], [2, 1]];

describe('sharedPrefix', () => {
  it('counts the leading points a series has in common with another marked sharesPath', () => {
    const a = { points, sharesPath: true };
    const b = { points: [points[0]!, points[1]!, [2, 5] as [number, number]], sharesPath: true };
    expect(sharedPrefix([a, b], a)).toBe(2);
  });

  it('ignores a series not marked sharesPath, however alike (a baseline along the same points)', () => {
    const a = { points, sharesPath: true };
    const baseline = { points: [...points] };
    expect(sharedPrefix([a, baseline], a)).toBe(0);
  });
});
