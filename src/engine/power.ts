// Powers that come out bit for bit the same in every JavaScript engine we ship to. Math.pow and **
// do not: V8's pow changed between Node 20 and Chromium 150 (x ** 3, x ** 4 and 0.9 ** 4 differ in
// the last bit for about one value in five), so the CLI and the browser, running the same
// experiment, drifted apart by an ulp a step. Multiplication is exact IEEE arithmetic everywhere,
// and Math.exp and Math.log agreed bit for bit between those two. With Chromium 156 they no longer
// do (measured: the last bit differs for about one argument in ten, and likewise Math.sin and
// Math.cos), so powers of whole exponents stay identical and the others inherit exp's difference.

/** Whole exponents up to this magnitude go by repeated squaring; its error grows like |n| ulps. */
const MAX_SQUARING_EXPONENT = 64;

/**
 * base^exponent with Math.pow's special cases, computed identically on every engine: small whole
 * exponents by repeated squaring (within |n| ulps), others as ±exp(exponent · ln|base|) (within
 * |exponent · ln base| + 2 ulps).
 */
export function power(base: number, exponent: number): number {
  if (Number.isInteger(exponent) && Math.abs(exponent) <= MAX_SQUARING_EXPONENT) {
    let remaining = Math.abs(exponent);
    // a negative exponent squares 1/base, so that tiny results do not overflow on the way
    let factor = exponent < 0 ? 1 / base : base;
    let result = 1;
    while (remaining > 0) {
      if (remaining % 2 === 1) result *= factor;
      remaining = Math.floor(remaining / 2);
      if (remaining > 0) factor *= factor;
    }
    return result;
  }
  if (Number.isNaN(exponent) || Number.isNaN(base)) return NaN;
  if (base === 0) return exponent > 0 ? 0 : Infinity;
  if (base < 0) {
    // a negative base has a real power only for whole exponents; its sign is the exponent's parity
    if (!Number.isInteger(exponent)) return NaN;
    const magnitude = Math.exp(exponent * Math.log(-base));
    return exponent % 2 === 0 ? magnitude : -magnitude;
  }
  return Math.exp(exponent * Math.log(base));
}

/** Most bases whose powers are kept; past that the cache starts again (a sweep over β₁ makes many). */
const MAX_POWER_TABLES = 64;
const powerTables = new Map<number, PowerTable>();

/**
 * power(base, n) for whole n ≥ 0, memoised: the same bits as power() at the cost of an array read.
 * Bias corrections need β^t at every step of every run, and a batch of a million runs shares β.
 */
export class PowerTable {
  private readonly values: number[] = [1];

  constructor(readonly base: number) {}

  /** base^n for a whole n ≥ 0. */
  at(n: number): number {
    const { values } = this;
    // filled in order, so the array stays dense
    while (values.length <= n) values.push(power(this.base, values.length));
    return values[n];
  }
}

/** The shared PowerTable of a base. */
export function powersOf(base: number): PowerTable {
  let table = powerTables.get(base);
  if (table === undefined) {
    if (powerTables.size >= MAX_POWER_TABLES) powerTables.clear();
    table = new PowerTable(base);
    powerTables.set(base, table);
  }
  return table;
}
