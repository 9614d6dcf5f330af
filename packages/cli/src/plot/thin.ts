/**
 * At most `max` (≥ 4) of a series' points, for drawing: the first, the last, and from each of
 * `(max − 2) / 2` runs of neighbouring points its lowest and its highest, in their order. A line
 * through them has the same start, end and envelope as the whole series: a 100 000-epoch loss curve
 * keeps every spike at a 2000th of the size. Points that `drawable` refuses (NaN, or ≤ 0 on a log
 * scale) are never chosen as extremes; a run with none drawable keeps its first point, so a gap in
 * the line stays a gap.
 */
export function thin<P extends readonly [number, number]>(points: readonly P[], max: number, drawable: (y: number) => boolean): readonly P[] {
  if (points.length <= max) return points;
  const runs = Math.floor((max - 2) / 2);
  const inner = points.length - 2;
  const kept: P[] = [points[0]!];
  for (let r = 0; r < runs; r++) {
    const from = 1 + Math.floor((r * inner) / runs);
    const to = 1 + Math.floor(((r + 1) * inner) / runs);
    let low = -1;
    let high = -1;
    for (let i = from; i < to; i++) {
      const y = points[i]![1];
      if (!drawable(y)) continue;
      if (low < 0 || y < points[low]![1]) low = i;
      if (high < 0 || y > points[high]![1]) high = i;
    }
    if (low < 0) kept.push(points[from]!);
    else if (low === high) kept.push(points[low]!);
    else kept.push(points[Math.min(low, high)]!, points[Math.max(low, high)]!);
  }
  kept.push(points.at(-1)!);
  return kept;
}
