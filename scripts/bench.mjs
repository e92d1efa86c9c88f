// `npm run bench [-- --json FILE] [-- --node-only | --models-only | --drag-only [N] [--compare DIR]...]`: prints one table of timings measured side by side in this run.
// Timings never belong in `npm test`; this is where speed is shown.
import { build } from 'esbuild';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const outDir = mkdtempSync(join(tmpdir(), 'op-bench-'));
const outfile = join(outDir, 'node-bench.mjs');
await build({ entryPoints: ['scripts/bench/node-bench.ts'], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'warning' });
const { runNodeBench, runNodeModelBench } = await import(pathToFileURL(outfile).href);

// --drag-only [N]: only the drag-to-paint latency, N times on fresh pages (the quick loop for that
// work); --compare DIR (repeatable): the same drag, alternately, on an app built into DIR from
// another commit (`npx vite build --outDir DIR`), to compare before and after under the same load
const dragIndex = process.argv.indexOf('--drag-only');
const dragOnly = dragIndex !== -1;
const repeat = dragOnly ? Math.max(1, Number(process.argv[dragIndex + 1]) || 1) : 1;
const compare = process.argv.flatMap((argument, index) => (argument === '--compare' && process.argv[index + 1] ? [process.argv[index + 1]] : []));
// --models-only: the model rows alone (8-10: Node, then Chromium's worker with TypeScript and WebGPU)
const modelsOnly = process.argv.includes('--models-only');
const rows = dragOnly ? [] : modelsOnly ? runNodeModelBench() : runNodeBench();
const notes = [];
if (!process.argv.includes('--node-only')) {
  const { runBrowserBench } = await import('./bench/browser-bench.mjs');
  const browser = await runBrowserBench({ dragOnly, modelsOnly, repeat, compare });
  rows.push(...browser.rows);
  notes.push(...browser.notes);
}
// the reference of a workload: its single-worker TypeScript row where it has one, else its first row
const reference = new Map();
for (const row of rows) if (!reference.has(row.workload)) reference.set(row.workload, row.milliseconds);
for (const row of rows) if (/^TypeScript, 1 worker$/.test(row.engine)) reference.set(row.workload, row.milliseconds);
// a ratio only means something between engines doing the same workload
const table = rows.map((row) => {
  const alone = rows.filter((other) => other.workload === row.workload).length === 1;
  return { ...row, ratio: alone || !(row.milliseconds > 0) ? null : reference.get(row.workload) / row.milliseconds };
});

console.log(`Optimizer Playground bench (Node ${process.version}, headless Chromium; ratio = the workload's single-worker TypeScript row (else its first row) / this row, higher is faster)\n`);
const header = ['workload', 'engine', 'size', 'time (ms)', 'throughput', 'ratio'];
const lines = table.map((row) => [row.workload, row.engine, row.size, row.milliseconds.toFixed(3), row.throughput, row.ratio === null ? '-' : `${row.ratio.toFixed(2)}x`]);
const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
const format = (cells) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ');
console.log(format(header));
console.log(widths.map((width) => '-'.repeat(width)).join('  '));
for (const line of lines) console.log(format(line));
if (notes.length > 0) console.log(`\n${notes.join('\n')}`);

const jsonIndex = process.argv.indexOf('--json');
if (jsonIndex !== -1) {
  const file = process.argv[jsonIndex + 1];
  if (!file) {
    console.error('--json needs a file name');
    process.exit(2);
  }
  writeFileSync(file, JSON.stringify({ node: process.version, rows: table, notes }, null, 2));
  console.log(`\nwrote ${file}`);
}
