import { describe, expect, it } from 'vitest';
import { backingSize, storeScale } from '../src/backing.js';

describe('a canvas backing store sized to its device pixels', () => {
  it('is the displayed size × devicePixelRatio, rounded', () => {
    expect(backingSize({ width: 560, height: 300 }, 1)).toEqual({ width: 560, height: 300 });
    expect(backingSize({ width: 342, height: 342 }, 3)).toEqual({ width: 1026, height: 1026 });
    expect(backingSize({ width: 341.5, height: 240.2 }, 1.25)).toEqual({ width: 427, height: 300 });
  });

  it('takes the device pixels the browser snapped to, when within a pixel of that', () => {
    expect(backingSize({ width: 341.5, height: 341.5 }, 3, { width: 1025, height: 1024 })).toEqual({ width: 1025, height: 1024 });
  });

  it('ignores a device size in CSS pixels (Chromium with an emulated device scale reports one)', () => {
    expect(backingSize({ width: 342, height: 342 }, 3, { width: 342, height: 342 })).toEqual({ width: 1026, height: 1026 });
  });

  it('is never empty, and scales a canvas displayed at no size by 1', () => {
    expect(backingSize({ width: 0, height: 0 }, 2)).toEqual({ width: 1, height: 1 });
    expect(storeScale({ width: 0, height: 0 }, { width: 1, height: 1 })).toEqual([1, 1]);
  });

  it('scales CSS pixels to store pixels per axis', () => {
    expect(storeScale({ width: 342, height: 240 }, { width: 1026, height: 720 })).toEqual([3, 3]);
    expect(storeScale({ width: 100, height: 100 }, { width: 200, height: 201 })).toEqual([2, 2.01]);
  });
});
