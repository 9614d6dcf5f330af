// A viridis-like ramp (dark blue → green → yellow), readable in grey and for colour-blind eyes.
const STOPS: Array<[number, number, number]> = [
  [68, 1, 84], [72, 40, 120], [62, 74, 137], [49, 104, 142], [38, 130, 142],
  [31, 158, 137], [53, 183, 121], [109, 205, 89], [180, 222, 44], [253, 231, 37],
];

/** The colour at t ∈ [0, 1], lightened so trajectories stand out on it. */
export function colorAt(t: number): [number, number, number] {
  const x = Math.min(Math.max(t, 0), 1) * (STOPS.length - 1);
  const i = Math.min(Math.floor(x), STOPS.length - 2);
  const f = x - i;
  const [a, b] = [STOPS[i]!, STOPS[i + 1]!];
  // Mix 45 % white in: the map is a backdrop.
  return [0, 1, 2].map((k) => Math.round((a[k]! + f * (b[k]! - a[k]!)) * 0.55 + 255 * 0.45)) as [number, number, number];
}
