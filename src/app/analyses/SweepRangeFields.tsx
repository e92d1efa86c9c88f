import type { ReactNode } from 'react';
import type { NumberRange } from '../../engine/checks';
import { NumberField } from '../controls/NumberField';

/** How the three fields of one swept range are named in messages and to assistive technology. */
export interface RangeFieldNames {
  readonly min: { readonly fieldName: string; readonly label: string };
  readonly max: { readonly fieldName: string; readonly label: string };
  readonly count: { readonly fieldName: string; readonly label: string };
  /** The message when the smallest value is not below the largest, `max`. */
  readonly belowMax: (max: number) => string;
  /** The message when the largest value is not above the smallest, `min`. */
  readonly aboveMin: (min: number) => string;
}

/** Props of SweepRangeFields. */
export interface SweepRangeFieldsProps {
  /** What is swept, as shown before "from". */
  name: ReactNode;
  min: number;
  max: number;
  count: number;
  /** What validation allows for the smallest and largest value, and for how many values. */
  range: NumberRange;
  countRange: NumberRange;
  names: RangeFieldNames;
  onCommit: { min(value: number): void; max(value: number): void; count(value: number): void };
}

/** One axis of a sweep: "… from [min] to [max] values [count]", the ends kept in order. */
export function SweepRangeFields({ name, min, max, count, range, countRange, names, onCommit }: SweepRangeFieldsProps) {
  return (
    <>
      <label className="batch-number">
        <span className="control-name">{name} from</span>
        <NumberField
          value={min}
          range={range}
          fieldName={names.min.fieldName}
          label={names.min.label}
          check={(value) => (value < max ? undefined : names.belowMax(max))}
          onCommit={onCommit.min}
        />
      </label>
      <label className="batch-number">
        <span className="control-name">to</span>
        <NumberField
          value={max}
          range={range}
          fieldName={names.max.fieldName}
          label={names.max.label}
          check={(value) => (value > min ? undefined : names.aboveMin(min))}
          onCommit={onCommit.max}
        />
      </label>
      <label className="batch-number">
        <span className="control-name">values</span>
        <NumberField value={count} range={countRange} integer fieldName={names.count.fieldName} label={names.count.label} onCommit={onCommit.count} />
      </label>
    </>
  );
}
