// Export code: the experiment as a runnable PyTorch script and, for the methods SciPy has, a SciPy
// one, each printing its trajectories; the way out of the browser for users who outgrow it.
export { pytorchScript, PYTORCH_METHODS, type ExportedScript } from './pytorch-script';
export { scipyScript, SCIPY_METHOD_IDS } from './scipy-script';
