// Model training as tensor programs (tfjs, float32): the large model work of the data problems,
// many models at once. See train-models.ts for the entry point.
export { batchesPerEpoch, batchRange, fullBatch, shuffledMiniBatches, stepCount, type BatchPlan } from './mini-batches';
export { layerSlices, logitCount, networkOf, parameterCount, type LayerSlice, type NetworkOutput, type NetworkSpec } from './network';
export type { TrainingOptimizer } from './stacked-optimizer';
export { trainModels, type ModelTrainingRequest, type ModelTrainingResult } from './train-models';
export { FUSED_MAX_PARAMETERS, fusedShaderFits } from './fused-mlp-shader';
export { trainModelsFused } from './fused-mlp-trainer';
