// The import rules in .dependency-cruiser.cjs bite: a small tree planted in a temporary folder, laid
// out like src/, breaks each rule once (and obeys it once), and the real configuration must report
// exactly the breaks. That the real tree obeys them is `npm run lint`'s job.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The planted tree: path under the temporary folder -> source. */
const PLANTED: Record<string, string> = {
  // a cycle inside one layer
  'src/engine/left.ts': "import { right } from './right';\nexport const left = (): number => right() + 1;\n",
  'src/engine/right.ts': "import type { left } from './left';\nexport const right = (): number => 0;\nexport type Left = typeof left;\n",
  // an upward import: the reason planning moved out of sync/ (sync sits below views)
  'src/views/scales.ts': 'export const PLOT_ASPECT_RANGE = { min: 0.5, max: 1.25 };\n',
  'src/sync/batch-sync.ts': "import { PLOT_ASPECT_RANGE } from '../views/scales';\nexport const aspect = PLOT_ASPECT_RANGE.min;\n",
  // a type-only upward import counts too (gpu sits below worker)
  'src/worker/batch-protocol.ts': 'export interface BatchSource { readonly runIndex: number }\n',
  'src/gpu/gpu-template.ts': "import type { BatchSource } from '../worker/batch-protocol';\nexport const runOf = (source: BatchSource): number => source.runIndex;\n",
  // downward imports are fine, from any layer
  'src/app/App.tsx': "import { left } from '../engine/left';\nimport { aspect } from '../sync/batch-sync';\nexport const App = (): number => left() + aspect;\n",
  // the CLI may use the engine and the experiment only
  'src/store/store.ts':
    "import { left } from '../engine/left';\nimport { createResultsSlice } from './results-slice';\nimport { createViewSlice } from './view-slice';\n" +
    'export const store = { left, ...createViewSlice(), ...createResultsSlice() };\nexport type AppState = typeof store;\n',
  // the store's slices name the whole state's type (zustand's slices pattern): allowed, being type-only...
  'src/store/view-slice.ts': "import type { AppState } from './store';\nexport const createViewSlice = (): { view?: AppState } => ({});\n",
  // ...but not a cycle that exists at run time
  'src/store/results-slice.ts': "import { store } from './store';\nexport const createResultsSlice = () => ({ results: () => store });\n",
  'src/cli/main.ts': "import { left } from '../engine/left';\nimport { store } from '../store/store';\nexport const main = (): number => left() + store.left();\n",
  // tfjs belongs to gpu/ and the GPU worker only
  'src/gpu/backend.ts': "import * as tf from '@tensorflow/tfjs-core';\nexport const backend = tf.getBackend;\n",
  'src/views/chart.ts': "import * as tf from '@tensorflow/tfjs-core';\nexport const chart = tf.tensor;\n",
  // no Node API in the engine, except in its tests (they read golden files)
  'src/engine/golden.ts': "import { readFileSync } from 'node:fs';\nexport const golden = readFileSync;\n",
  'src/engine/golden.test.ts': "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
};

/** Each violation as "rule: from -> to" (the first module of the cycle for a cycle). */
function violations(result: ICruiseResult): string[] {
  return result.summary.violations.map(({ rule, from, to }) => `${rule.name}: ${from} -> ${to.replace(/^.*node_modules\//, 'node_modules/')}`).sort();
}

describe('the import rules (.dependency-cruiser.cjs)', () => {
  let folder = '';
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'layers-'));
    for (const [path, source] of Object.entries(PLANTED)) {
      mkdirSync(dirname(join(folder, path)), { recursive: true });
      writeFileSync(join(folder, path), source);
    }
    // packages resolve as they do in the repository
    symlinkSync(join(ROOT, 'node_modules'), join(folder, 'node_modules'), 'dir');
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('report planted cycles, upward imports, the CLI reaching up, tfjs outside gpu/ and Node in the engine', async () => {
    const options = await extractDepcruiseOptions(join(ROOT, '.dependency-cruiser.cjs'));
    const { output } = await cruise(['src'], { ...options, baseDir: folder });
    expect(violations(output as ICruiseResult)).toEqual([
      'cli-uses-engine-and-experiment-only: src/cli/main.ts -> src/store/store.ts',
      'layer-gpu: src/gpu/gpu-template.ts -> src/worker/batch-protocol.ts',
      'layer-sync: src/sync/batch-sync.ts -> src/views/scales.ts',
      'no-circular-store: src/store/results-slice.ts -> src/store/store.ts',
      'no-circular: src/engine/left.ts -> src/engine/right.ts',
      'pure-no-node-builtins: src/engine/golden.ts -> fs',
      'tfjs-only-on-the-gpu-side: src/views/chart.ts -> node_modules/@tensorflow/tfjs-core/dist/tf-core.node.js',
    ]);
  });
});
