import type { Mlp } from '../models/mlp';
import type { Model } from '../models/model';
import type { SoftmaxRegression } from '../models/softmax';

// Where a model's "filters" lie in its flat parameter vector, for the filter-normalized directions
// of Li et al. (2018). A filter is what one output unit reads: for an MLP each layer's weight row
// of one unit (torch's nn.Linear weight row o), for softmax regression one class's weight row, for
// linear and logistic regression the one weight vector. Biases are listed apart: the paper's code
// (ignore='biasbn') sets a direction's biases to zero.

/** A run of consecutive parameters. */
export interface ParameterRange {
  readonly start: number;
  readonly length: number;
}

/** A model's parameter vector cut into filters (weight rows) and biases. */
export interface ParameterFilters {
  readonly filters: readonly ParameterRange[];
  readonly biases: readonly ParameterRange[];
}

/** The filters and biases of a model's parameter vector (layouts in each model's file). */
export function parameterFilters(model: Model): ParameterFilters {
  switch (model.kind) {
    case 'linear':
    case 'logistic':
      // d weights then the bias
      return { filters: [{ start: 0, length: model.featureCount }], biases: [{ start: model.featureCount, length: 1 }] };
    case 'softmax': {
      // W (k × d, class c's row at c·d), then k biases
      const classCount = (model as SoftmaxRegression).classCount;
      const d = model.featureCount;
      const filters = Array.from({ length: classCount }, (_, c) => ({ start: c * d, length: d }));
      return { filters, biases: [{ start: classCount * d, length: classCount }] };
    }
    case 'mlp': {
      // per layer: weights out × in row-major (unit o's row at o·in), then out biases
      const { widths } = model as Mlp;
      const filters: ParameterRange[] = [];
      const biases: ParameterRange[] = [];
      let offset = 0;
      for (let layer = 1; layer < widths.length; layer++) {
        const inputs = widths[layer - 1];
        const units = widths[layer];
        for (let unit = 0; unit < units; unit++) filters.push({ start: offset + unit * inputs, length: inputs });
        offset += units * inputs;
        biases.push({ start: offset, length: units });
        offset += units;
      }
      return { filters, biases };
    }
  }
}

/** The filters of a resolved problem's model, or null for a problem without one (a surface, a formula). */
export function problemFilters(resolved: { readonly data?: { createModel(): Model } }): ParameterFilters | null {
  return resolved.data ? parameterFilters(resolved.data.createModel()) : null;
}
