import { describe, expect, it } from 'vitest';
import { clientToCanvas } from '../src/pointer.js';

describe('a pointer position on the map', () => {
  const box = { left: 24.5, top: 300, width: 342, height: 342 };

  it('is measured from the content box, in the drawing\'s CSS pixels', () => {
    expect(clientToCanvas(24.5, 300, box, box)).toEqual([0, 0]);
    expect(clientToCanvas(24.5 + 100, 300 + 42, box, box)).toEqual([100, 42]);
    expect(clientToCanvas(24.5 + 342, 300 + 342, box, box)).toEqual([342, 342]);
  });

  it('is scaled when the box is shown at another size than the drawing', () => {
    expect(clientToCanvas(24.5 + 171, 300 + 85.5, box, { width: 560, height: 560 })).toEqual([280, 140]);
  });

  it('scales each axis by its own ratio when the drawing is not square', () => {
    expect(clientToCanvas(24.5 + 171, 300 + 171, box, { width: 560, height: 300 })).toEqual([280, 150]);
  });
});
