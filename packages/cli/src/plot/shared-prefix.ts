/** A series as far as `sharedPrefix` needs it. */
interface Sharing {
  points: ReadonlyArray<readonly [number, number]>;
  sharesPath?: boolean;
}

/**
 * How many leading points `s` has, point for point, in common with the other series marked
 * `sharesPath` it runs along longest: 0 or 1 when it shares no stretch with any. Only that stretch
 * needs drawing in turns; where the paths part, each is alone and drawn solid.
 */
export function sharedPrefix(series: readonly Sharing[], s: Sharing): number {
  let longest = 0;
  for (const other of series) {
    if (other === s || !other.sharesPath) continue;
    let k = 0;
    while (k < s.points.length && k < other.points.length && s.points[k]![0] === other.points[k]![0] && s.points[k]![1] === other.points[k]![1]) k++;
    longest = Math.max(longest, k);
  }
  return longest;
}
