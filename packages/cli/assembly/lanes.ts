// Vector helpers shared by the fused MLP kernel's two layer orientations.

/** Lanes 0 … n − 1 all ones, the rest zero (n in 0 … 4): the elements of a row's last, partial block. */
@inline export function lanesBelow(n: usize): v128 {
  return i32x4.lt_s(i32x4(0, 1, 2, 3), i32x4.splat(<i32>n));
}

/** The sum of the four lanes. */
@inline export function horizontalSum(v: v128): f32 {
  return f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1) + f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3);
}
