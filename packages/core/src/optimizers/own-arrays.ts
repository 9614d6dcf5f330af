/**
 * `o` with every array option (etas, stepSizes, betas) copied. Without the copy a group's `etas` is the
 * defaults' array (or the loaded dict's), so changing `paramGroups[0].etas[1]` in place would change
 * it for every group and every optimizer made later.
 */
export function withOwnArrays<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Array.isArray(v) ? [...v] : v])) as T;
}
