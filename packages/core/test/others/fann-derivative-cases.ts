/**
 * What iRprop− sees at one weight and epoch, from the derivatives alone: both FANN and this library
 * store the derivative after a step and store 0 instead at a sign flip, so on the same derivatives
 * both classify every step alike.
 * - 'zero': the derivative is 0;
 * - 'flip': its sign is opposite to the stored one;
 * - 'fresh': it is not 0 but the stored one is (the first epoch, or after a flip or a zero);
 * - 'same': both are non-zero with one sign.
 */
export type DerivativeCase = 'zero' | 'flip' | 'fresh' | 'same';

/** The case of each weight at each epoch (`[epoch][weight]`) for these per-epoch derivatives. */
export function derivativeCases(gradients: readonly (readonly number[])[]): DerivativeCase[][] {
  let stored = gradients[0]!.map(() => 0);
  return gradients.map((g) => {
    const cases = g.map((gi, i): DerivativeCase => {
      const s = Math.sign(gi) * Math.sign(stored[i]!);
      return gi === 0 ? 'zero' : s < 0 ? 'flip' : s > 0 ? 'same' : 'fresh';
    });
    stored = g.map((gi, i) => (cases[i] === 'flip' ? 0 : gi));
    return cases;
  });
}
