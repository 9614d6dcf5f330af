/** `n` and the noun, plural unless n is 1: "1 output", "3 outputs". */
export function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
