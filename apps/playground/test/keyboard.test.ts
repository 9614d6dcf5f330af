import { describe, expect, it } from 'vitest';
import { moveStart } from '../src/keyboard.js';

describe('moving the start with the arrow keys', () => {
  const window: [number, number, number, number] = [-4, 4, -2, 2];

  it('moves a fortieth of the window per press, up being +y', () => {
    expect(moveStart('ArrowRight', [0, 0], window)).toEqual([0.2, 0]);
    expect(moveStart('ArrowUp', [0, 0], window)).toEqual([0, 0.1]);
    expect(moveStart('ArrowDown', [1, 1], window)).toEqual([1, 0.9]);
  });

  it('stays inside the window, and ignores other keys', () => {
    expect(moveStart('ArrowLeft', [-3.9, 0], window)).toEqual([-4, 0]);
    expect(moveStart('ArrowRight', [3.9, 0], window)).toEqual([4, 0]);
    expect(moveStart('ArrowUp', [0, 1.95], window)).toEqual([0, 2]);
    expect(moveStart('ArrowDown', [0, -1.95], window)).toEqual([0, -2]);
    expect(moveStart('Enter', [0, 0], window)).toBeNull();
  });
});
