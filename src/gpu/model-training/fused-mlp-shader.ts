// One WGSL shader that trains a small network per thread: thread m holds model m's parameters in
// registers (straight-line code generated for the architecture, every unit a named variable) and
// runs a chunk of SGD steps over the mini-batches without leaving the shader, then writes its
// parameters back; after the last step it also writes its mean loss over one epoch's rows (every
// row once). This is the batch engine's fused-kernel idea (one dispatch for many steps) applied to
// a sweep of small MLPs: the tensor program's dozens of tfjs dispatches per step become one per
// chunk. Plain SGD only; the math is stacked-network.ts's, per row:
//   forward z_l = W_l a_{l−1} + b_l, a_l = act(z_l); output delta 2(o − y), σ(o) − y or softmax − e_y;
//   backward ∇W_l += δ_l a_{l−1}ᵀ, ∇b_l += δ_l, δ_{l−1} = (W_lᵀ δ_l) ⊙ act′(a_{l−1});
//   update θ −= lr (∇θ / rows + λ θ on the weights).
import { FUSED_MAX_PARAMETERS } from '../../analyses/model-engine';
import { hashText } from '../fused-program';
import { layerSlices, logitCount, type NetworkSpec, parameterCount } from './network';

export { FUSED_MAX_PARAMETERS } from '../../analyses/model-engine';

/** Uniforms the trainer sets per dispatch, in this order. */
export const FUSED_MLP_UNIFORMS = 'firstStep : i32, chunkSteps : i32, numSteps : i32, numModels : i32, rowsPerEpoch : i32, batchSize : i32, dataEpochs : i32, finish : i32,';

/** A network's shader and the stride of its per-model state (P parameters, then the final loss). */
export interface FusedMlpShader {
  readonly code: string;
  readonly stateStride: number;
  readonly key: string;
}

/** Whether the fused shader can train this network with this optimizer. */
export function fusedShaderFits(network: NetworkSpec): boolean {
  return parameterCount(network) <= FUSED_MAX_PARAMETERS;
}

const float = (value: number): string => {
  const text = String(Math.fround(value));
  return /[.e]/.test(text) ? `${text}f` : `${text}.0f`;
};

/** Generates the fused SGD shader of a network (throws if it is too large). */
export function fusedMlpShader(network: NetworkSpec): FusedMlpShader {
  const size = parameterCount(network);
  if (!fusedShaderFits(network)) throw new RangeError(`the fused shader trains networks of at most ${FUSED_MAX_PARAMETERS} parameters, not ${size}`);
  const slices = layerSlices(network);
  const d = network.widths[0];
  const k = logitCount(network);
  const stride = size + 1;
  const rowWidth = d + 1;
  const layers = slices.length;
  const input = (layer: number, i: number) => (layer === 0 ? `x${i}` : `a${layer}_${i}`);
  const weight = (layer: number, o: number, i: number) => `p${slices[layer].weightOffset + o * slices[layer].inputs + i}`;
  const bias = (layer: number, o: number) => `p${slices[layer].biasOffset + o}`;
  const activation = (z: string) => (network.activation === 'tanh' ? `tanh(${z})` : network.activation === 'relu' ? `max(${z}, 0.0f)` : `(1.0f / (1.0f + exp(-(${z}))))`);
  const derivative = (a: string) => (network.activation === 'tanh' ? `(1.0f - ${a} * ${a})` : network.activation === 'relu' ? `select(0.0f, 1.0f, ${a} > 0.0f)` : `(${a} * (1.0f - ${a}))`);

  /** Row r's forward pass into a{l}_{o} (hidden) and o{c} (logits); then its loss into `rowLoss`. */
  const forwardLines = (): string[] => {
    const lines = [`let rowBase = r * ${rowWidth};`, ...Array.from({ length: d }, (_, i) => `let x${i} = Data[rowBase + ${i}];`), `let y = Data[rowBase + ${d}];`];
    slices.forEach((slice, layer) => {
      for (let o = 0; o < slice.outputs; o++) {
        const sum = [bias(layer, o), ...Array.from({ length: slice.inputs }, (_, i) => `${weight(layer, o, i)} * ${input(layer, i)}`)].join(' + ');
        lines.push(layer < layers - 1 ? `let a${layer + 1}_${o} = ${activation(sum)};` : `let o${o} = ${sum};`);
      }
    });
    if (network.output === 'mse') lines.push('let residual = o0 - y;', 'let rowLoss = residual * residual;', 'let e0 = 2.0f * residual;');
    else if (network.output === 'logistic') lines.push('let rowLoss = max(o0, 0.0f) + log(1.0f + exp(-abs(o0))) - y * o0;', 'let e0 = 1.0f / (1.0f + exp(-o0)) - y;');
    else {
      lines.push(`var logitMax = o0;`, ...Array.from({ length: k - 1 }, (_, c) => `logitMax = max(logitMax, o${c + 1});`));
      lines.push(`let logSumExp = logitMax + log(${Array.from({ length: k }, (_, c) => `exp(o${c} - logitMax)`).join(' + ')});`);
      lines.push(`let rowLoss = logSumExp - select(0.0f, 1.0f, y == 0.0f) * o0${Array.from({ length: k - 1 }, (_, c) => ` - select(0.0f, 1.0f, y == ${c + 1}.0f) * o${c + 1}`).join('')};`);
      for (let c = 0; c < k; c++) lines.push(`let e${c} = exp(o${c} - logSumExp) - select(0.0f, 1.0f, y == ${c}.0f);`);
    }
    return lines;
  };

  /** Row r's backward pass, adding into the gradient variables g{i}. */
  const backwardLines = (): string[] => {
    const lines: string[] = [];
    // deltas of layer l's units: e{o} at the output, then d{l}_{i}
    let delta = (o: number) => `e${o}`;
    for (let layer = layers - 1; layer >= 0; layer--) {
      const slice = slices[layer];
      for (let o = 0; o < slice.outputs; o++) {
        lines.push(`g${slice.biasOffset + o} += ${delta(o)};`);
        for (let i = 0; i < slice.inputs; i++) lines.push(`g${slice.weightOffset + o * slice.inputs + i} += ${delta(o)} * ${input(layer, i)};`);
      }
      if (layer === 0) break;
      for (let i = 0; i < slice.inputs; i++) {
        const sum = Array.from({ length: slice.outputs }, (_, o) => `${weight(layer, o, i)} * ${delta(o)}`).join(' + ');
        lines.push(`let d${layer}_${i} = (${sum}) * ${derivative(input(layer, i))};`);
      }
      const current = layer;
      delta = (o: number) => `d${current}_${o}`;
    }
    return lines;
  };

  const weightIndices = new Set<number>();
  for (const slice of slices) for (let i = 0; i < slice.outputs * slice.inputs; i++) weightIndices.add(slice.weightOffset + i);
  const parameters = Array.from({ length: size }, (_, i) => i);
  const decay = network.weightDecay;
  const indent = (lines: string[], depth: number) => lines.map((line) => `${'  '.repeat(depth)}${line}`);
  const body = [
    'if (index >= uniforms.numModels) {',
    '  return;',
    '}',
    `let base = index * ${stride};`,
    'let learningRate = Rates[index];',
    ...parameters.map((i) => `var p${i} = State[base + ${i}];`),
    ...parameters.map((i) => `var g${i} = 0.0f;`),
    'let batchesPerEpoch = (uniforms.rowsPerEpoch + uniforms.batchSize - 1) / uniforms.batchSize;',
    'let lastStep = min(uniforms.firstStep + uniforms.chunkSteps, uniforms.numSteps);',
    'for (var step = uniforms.firstStep; step < lastStep; step = step + 1) {',
    '  let epoch = (step / batchesPerEpoch) % uniforms.dataEpochs;',
    '  let start = epoch * uniforms.rowsPerEpoch + (step % batchesPerEpoch) * uniforms.batchSize;',
    '  let end = min(start + uniforms.batchSize, (epoch + 1) * uniforms.rowsPerEpoch);',
    ...indent(parameters.map((i) => `g${i} = 0.0f;`), 1),
    '  for (var r = start; r < end; r = r + 1) {',
    ...indent(forwardLines(), 2),
    ...indent(backwardLines(), 2),
    '  }',
    '  let scale = learningRate / f32(end - start);',
    ...indent(parameters.map((i) => (decay > 0 && weightIndices.has(i) ? `p${i} = p${i} - scale * g${i} - learningRate * ${float(decay)} * p${i};` : `p${i} = p${i} - scale * g${i};`)), 1),
    '}',
    ...parameters.map((i) => `result[base + ${i}] = p${i};`),
    // after the last chunk: the mean loss over the first epoch's rows (every row once), plus the penalty
    'var finalLoss = State[base + ' + size + '];',
    'if (uniforms.finish != 0) {',
    '  var lossSum = 0.0f;',
    '  for (var r = 0; r < uniforms.rowsPerEpoch; r = r + 1) {',
    ...indent(forwardLines(), 2),
    '    lossSum += rowLoss;',
    '  }',
    `  finalLoss = lossSum / f32(uniforms.rowsPerEpoch)${decay > 0 ? ` + ${float(decay / 2)} * (${[...weightIndices].map((i) => `p${i} * p${i}`).join(' + ')})` : ''};`,
    '}',
    `result[base + ${size}] = finalLoss;`,
  ];
  const code = ['fn main(index: i32) {', ...indent(body, 1), '}', ''].join('\n');
  return { code, stateStride: stride, key: `optimizerPlaygroundFusedMlp_${hashText(code)}` };
}
