// The architecture's import rules, checked by `npm run lint` (depcruise src): no import cycles, imports
// only point down the layers, tfjs stays on the GPU side of the worker boundary, and the engine and the
// experiment use no Node API and no UI library. Tests are held to the same rules (they import what the code they test may import), except
// that tests run in Node and may read their golden files with node:fs.

/** The layers from the bottom up: a file may import its own layer and those before it, never one after. */
const LAYERS = ['engine', 'experiment', 'analyses', 'gpu', 'worker', 'client', 'store', 'sync', 'views', 'app'];
/** Entry points above every layer: the page's composition root, bench.html's script and the CLI. */
const TOP = '^src/(main\\.tsx$|bench/|cli/)';
/** The layers that make the same numbers everywhere: in the page, in workers and in the CLI under Node. */
const PURE = '^src/(engine|experiment)/';
/** store.ts and the slices it is made of. */
const STORE_COMPOSITION = '^src/store/(store|[a-z-]+-slice)\\.ts$';

const layerRules = LAYERS.slice(0, -1).map((layer, index) => ({
  name: `layer-${layer}`,
  comment: `${layer}/ sits below ${LAYERS.slice(index + 1).join(', ')} and the entry points: it may not import them.`,
  severity: 'error',
  from: { path: `^src/${layer}/` },
  to: { path: [`^src/(${LAYERS.slice(index + 1).join('|')})/`, TOP] },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycles, type-only imports included: every module sits at one level of the layering.',
      severity: 'error',
      from: { pathNot: STORE_COMPOSITION },
      to: { circular: true },
    },
    {
      name: 'no-circular-store',
      comment:
        "The store's slices pattern (zustand) has each slice name the whole AppState for get(), a type-only import back to store.ts; a cycle there that exists at run time is still an error.",
      severity: 'error',
      from: { path: STORE_COMPOSITION },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    ...layerRules,
    {
      name: 'layer-app',
      comment: 'app/ may not import the entry points above it.',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { path: TOP },
    },
    {
      name: 'entry-points-imported-by-none',
      comment: 'main.tsx and bench/ are entry points: nothing else imports them.',
      severity: 'error',
      from: { pathNot: '^src/(main\\.tsx$|bench/)' },
      to: { path: '^src/(main\\.tsx$|bench/)' },
    },
    {
      name: 'cli-uses-engine-and-experiment-only',
      comment: 'The CLI runs the same engine in Node: it may use engine/ and experiment/, nothing that needs a page or a worker.',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '^src/', pathNot: '^src/(cli|engine|experiment)/' },
    },
    {
      name: 'cli-imported-by-none',
      comment: 'cli/ is an entry point: nothing outside it imports it.',
      severity: 'error',
      from: { pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'tfjs-only-on-the-gpu-side',
      comment: 'TensorFlow.js runs only in the WebGPU worker: gpu/ and worker/gpu.worker.ts (never in the page bundle or the TypeScript workers).',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(gpu/|worker/gpu\\.worker\\.ts$)' },
      to: { path: '(^|/)node_modules/@tensorflow/' },
    },
    {
      name: 'pure-no-node-builtins',
      comment: 'engine/ and experiment/ run in the browser and in workers too: no Node API (their tests run in Node and may read golden files).',
      severity: 'error',
      from: { path: PURE, pathNot: '\\.test\\.tsx?$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'pure-no-ui-libraries',
      comment: 'engine/ and experiment/ are pure TypeScript: no React, zustand or D3 selections.',
      severity: 'error',
      from: { path: PURE },
      to: { path: '(^|/)node_modules/(@types/)?(react|react-dom|zustand|d3|d3-selection)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // type-only imports are dependencies of the design too: a lower layer may not even name a higher one's types
    tsPreCompilationDeps: true,
  },
};
