import { select } from 'd3';
import { Suspense, useEffect, useState } from 'react';
import type { AppState } from '../../store/store';
import { portableExperiment } from '../../experiment/portable-problem';
import { drawRunLegend, legendEntries } from '../../views/run-legend';
import { problemTitle } from '../runs/labels';
import { visibleRuns } from '../runs/visible-runs';
import { LOSS_CAPTIONS } from '../loss/LossPanel';
import { DisclosureMenu } from '../controls/DisclosureMenu';
import { lazyComponent } from '../lazy-component';
import { useAppStoreApi } from '../use-app-store';
import { shareUrl } from '../../sync/url-sync';
import { MIME_TYPES, downloadFile } from './download';
import { exportFileName } from './file-names';
import type { FigureAppendix } from './svg-export';
import './run-legend.css';

/**
 * Where the pictures come from: the views' SVGs, found by the test ids their panels give them.
 * The loss chart draws its legend itself; the map's file gets one under it (`legendBelow`).
 */
const FIGURES = {
  map: { selector: 'svg[data-testid="map"]', name: 'map', caption: () => 'Contour map', legendBelow: true },
  'loss-chart': { selector: 'svg[data-testid="loss-chart"]', name: 'loss chart', caption: (state: AppState) => LOSS_CAPTIONS[state.lossAxis], legendBelow: false },
} as const;

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Draws the legend of the visible runs for a figure's file, `width` pixels wide, on the page beside
 * `figure` (out of sight: its text is measured and its theme's colours computed there), and hands
 * it to `save`; removed afterwards. Nothing is drawn when no run is visible.
 */
async function withRunLegend<T>(figure: SVGSVGElement, state: AppState, save: (legend: FigureAppendix | undefined) => Promise<T>): Promise<T> {
  const entries = legendEntries(visibleRuns(state.experiment.runs, state.runs).map(({ label, color, result }) => ({ label, color, loss: result.loss, diverged: result.diverged })));
  const host = figure.parentElement;
  if (entries.length === 0 || !host) return save(undefined);
  const holder = document.createElementNS(SVG_NS, 'svg');
  holder.setAttribute('aria-hidden', 'true');
  // through the CSSOM: the Content-Security-Policy refuses a style attribute set from script
  holder.style.cssText = 'position:absolute;left:-100000px;top:0;width:1px;height:1px;overflow:hidden';
  host.appendChild(holder);
  try {
    const { figureSize } = await import('./svg-export');
    const group = select(holder).append('g');
    const { width } = figureSize(figure);
    // a little air between the map's axis title and the legend
    const height = drawRunLegend(group, entries, width);
    return await save({ element: group.node()!, height: height + 4 });
  } finally {
    holder.remove();
  }
}

type Figure = keyof typeof FIGURES;

// the video and GIF dialog, with the views' stage, loads when first opened; its encoders when an export starts
const AnimationDialog = lazyComponent(() => import('./AnimationDialog'), 'AnimationDialog');

/** How long "Saved <file>" stays beside the button. */
const STATUS_CLEAR_MS = 6_000;

/** What the last export did, for the status line beside the button. */
type Status = { kind: 'idle' } | { kind: 'busy'; text: string } | { kind: 'done'; text: string } | { kind: 'failed'; text: string };

/** The "Export" menu: the experiment as JSON, the trajectories as the CLI writes them, the map and the loss chart as PNG and SVG, and both as a video or GIF. */
export function ExportMenu() {
  const store = useAppStoreApi();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [animation, setAnimation] = useState<'webm' | 'gif' | null>(null);

  useEffect(() => {
    if (status.kind !== 'done') return;
    // "Saved …" has been announced and seen by now; the toolbar goes back to quiet.
    const timer = setTimeout(() => setStatus({ kind: 'idle' }), STATUS_CLEAR_MS);
    return () => clearTimeout(timer);
  }, [status]);

  const run = async (what: string, task: () => Promise<string>) => {
    setStatus({ kind: 'busy', text: `Preparing ${what}…` });
    try {
      setStatus({ kind: 'done', text: `Saved ${await task()}` });
    } catch (error) {
      setStatus({ kind: 'failed', text: `Could not export ${what}: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  const exportExperiment = () =>
    run('the experiment', async () => {
      const { experiment } = store.getState();
      const name = exportFileName(experiment.problem, 'experiment', 'json');
      // a bundled data set by its name, the user's CSV compressed inside (checkDatasetSpec reads it back)
      downloadFile(`${JSON.stringify(portableExperiment(experiment), null, 2)}\n`, name, MIME_TYPES.json);
      return name;
    });

  const exportTrajectories = (format: 'json' | 'csv') =>
    run('the trajectories', async () => {
      const { experiment } = store.getState();
      const { computeTrajectories, formatTrajectories } = await import('./trajectories');
      const output = await computeTrajectories(experiment);
      const name = exportFileName(experiment.problem, 'trajectories', format);
      downloadFile(formatTrajectories(output, format), name, MIME_TYPES[format]);
      return name;
    });

  const exportFigure = (figure: Figure, format: 'svg' | 'png') =>
    run(`the ${FIGURES[figure].name}`, async () => {
      const svg = document.querySelector<SVGSVGElement>(FIGURES[figure].selector);
      if (!svg) throw new Error(`the ${FIGURES[figure].name} is not on the page`);
      const state = store.getState();
      const { experiment } = state;
      const title = `${FIGURES[figure].caption(state)}: ${problemTitle(experiment.problem)}`;
      const name = exportFileName(experiment.problem, figure, format);
      const { figureSize, serializeSvg, svgToPng } = await import('./svg-export');
      const save = async (legend: FigureAppendix | undefined) => {
        const text = serializeSvg(svg, title, legend);
        if (format === 'svg') downloadFile(text, name, MIME_TYPES.svg);
        else {
          const { width, height } = figureSize(svg, legend);
          downloadFile(await svgToPng(text, width, height), name, MIME_TYPES.png);
        }
      };
      await (FIGURES[figure].legendBelow ? withRunLegend(svg, state, save) : save(undefined));
      return name;
    });

  const exportCode = (language: 'pytorch' | 'scipy') =>
    run(language === 'pytorch' ? 'the PyTorch script' : 'the SciPy script', async () => {
      const state = store.getState();
      const { experiment } = state;
      const { pytorchScript, scipyScript } = await import('../../experiment/code-export');
      const exported = (language === 'pytorch' ? pytorchScript : scipyScript)(experiment, shareUrl(state));
      if (!exported.ok) throw new Error(exported.reason);
      const name = exportFileName(experiment.problem, language, 'py');
      downloadFile(exported.script, name, MIME_TYPES.py);
      const left = exported.skipped.length;
      return left === 0 ? name : `${name} (${left} run${left === 1 ? '' : 's'} left out: its header says why)`;
    });

  const busy = status.kind === 'busy';
  const items: { label: string; action: () => Promise<void> }[] = [
    { label: 'Export experiment JSON', action: exportExperiment },
    { label: 'Export trajectories JSON', action: () => exportTrajectories('json') },
    { label: 'Export trajectories CSV', action: () => exportTrajectories('csv') },
    { label: 'Export map PNG', action: () => exportFigure('map', 'png') },
    { label: 'Export map SVG', action: () => exportFigure('map', 'svg') },
    { label: 'Export loss chart PNG', action: () => exportFigure('loss-chart', 'png') },
    { label: 'Export loss chart SVG', action: () => exportFigure('loss-chart', 'svg') },
    { label: 'Export video (WebM)', action: async () => setAnimation('webm') },
    { label: 'Export GIF', action: async () => setAnimation('gif') },
    { label: 'Export PyTorch script', action: () => exportCode('pytorch') },
    { label: 'Export SciPy script', action: () => exportCode('scipy') },
  ];

  return (
    <span className="export-menu">
      <DisclosureMenu label="Export">
        {(close) => (
          <ul className="menu-list">
            {items.map(({ label, action }, index) => (
              <li key={label} className={index === 1 || index === 3 || index === 7 || index === 9 ? 'menu-group-start' : undefined}>
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => {
                    close();
                    void action();
                  }}
                >
                  {label}
                </button>
              </li>
            ))}
          </ul>
        )}
      </DisclosureMenu>
      {animation && (
        <Suspense fallback={null}>
          <AnimationDialog format={animation} onClose={() => setAnimation(null)} onSaved={(text) => setStatus({ kind: 'done', text })} />
        </Suspense>
      )}
      <span className="toolbar-status" role="status" aria-live="polite">
        {status.kind === 'busy' || status.kind === 'done' ? status.text : ''}
      </span>
      {status.kind === 'failed' && (
        <span className="toolbar-status failed" role="alert">
          {status.text}
          <button type="button" className="quiet" onClick={() => setStatus({ kind: 'idle' })}>
            Dismiss export error
          </button>
        </span>
      )}
    </span>
  );
}
