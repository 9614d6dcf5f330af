/** The round values a log axis over a few decades ends on, within each decade. */
const STEPS = [1, 2, 5, 10];

/**
 * A log domain over [lo, hi] (lo > 0), rounded out to 1, 2 or 5 × a power of ten, at least `margin`
 * (a factor) beyond the data. d3's nice() rounds to whole decades, which over a decade or less leaves
 * half the plot empty and a curve that ends at 0.101 drawn on the frame at 0.1, where it cannot be
 * seen: 0.101–0.23 becomes 0.05–0.5, not 0.1–1.
 */
export function niceLogDomain(lo: number, hi: number, margin = 1.05): [number, number] {
  // Each round value of v's decade, as 0.05 and not 0.05000000000000001 (a tick label of its own).
  const candidates = (v: number) => {
    const decade = 10 ** Math.floor(Math.log10(v));
    return STEPS.map((s) => +(decade * s).toPrecision(12));
  };
  const below = lo / margin;
  const above = hi * margin;
  return [candidates(below).filter((c) => c <= below).at(-1)!, candidates(above).find((c) => c >= above)!];
}
