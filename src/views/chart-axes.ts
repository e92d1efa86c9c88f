// Axis ticks the charts share: powers of ten on log scales (10^k labels), and the y axis of a loss,
// log or linear as its mapping says.
import { axisLeft, format, type Axis, type NumberValue, type ScaleContinuousNumeric } from 'd3';
import { formatPowerOfTen, logTickExponents, type YMapping } from './loss-series';

/** Ticks at the powers of ten inside a log scale's domain, at most about `maxTicks`. */
export function powerOfTenTicks(scale: ScaleContinuousNumeric<number, number>, maxTicks?: number): number[] {
  const [low, high] = scale.domain();
  return logTickExponents(low, high, maxTicks).map((exponent) => 10 ** exponent);
}

/** A power-of-ten tick's label, 10^k. */
export function powerOfTenLabel(value: NumberValue): string {
  return formatPowerOfTen(Math.round(Math.log10(Number(value))));
}

/** The left axis of a loss and its ticks: powers of ten on a log mapping, else about `linearTicks` plain numbers. */
export function lossAxisLeft(y: ScaleContinuousNumeric<number, number>, mapping: Pick<YMapping, 'log'>, linearTicks: number): { axis: Axis<NumberValue>; ticks: number[] } {
  const ticks = mapping.log ? powerOfTenTicks(y) : y.ticks(linearTicks);
  const axis = axisLeft(y)
    .tickValues(ticks)
    .tickFormat((value) => (mapping.log ? powerOfTenLabel(value) : format('~g')(Number(value))));
  return { axis, ticks };
}
