import { Suspense, useId, useRef, type KeyboardEvent } from 'react';
import { ENGINE_PREFERENCES, type EnginePreference } from '../../experiment/analysis-settings';
import type { BatchFeature } from '../../store/batch-slice';
import { adapterName, percentDone } from './analysis-format';
import { Select } from '../controls/Select';
import { lazyComponent } from '../lazy-component';
import { useAppStore } from '../use-app-store';
import './AnalysisPanel.css';

// each tab's figures and settings load when the tab is first shown: the panel starts collapsed
const BasinAnalysis = lazyComponent(() => import('./BasinAnalysis'), 'BasinAnalysis');
const SweepAnalysis = lazyComponent(() => import('./SweepAnalysis'), 'SweepAnalysis');
const SeedsAnalysis = lazyComponent(() => import('./SeedsAnalysis'), 'SeedsAnalysis');

const TABS: readonly { feature: BatchFeature; label: string }[] = [
  { feature: 'basin', label: 'Basin map' },
  { feature: 'sweep', label: 'Learning-rate sweep' },
  { feature: 'seeds', label: 'Many seeds' },
];

const ENGINE_LABELS: Record<EnginePreference, string> = {
  auto: 'Automatic: the faster, as measured',
  js: 'TypeScript workers',
  webgpu: 'WebGPU',
};

/** A tab's name, with a dot while its analysis is on and its progress while it runs. */
function TabLabel({ feature, label }: { feature: BatchFeature; label: string }) {
  const active = useAppStore((state) => state[feature].active);
  const percent = useAppStore((state) => {
    const job = state[feature].job;
    return job.status === 'running' ? percentDone(job.progress) : null;
  });
  return (
    <>
      {label}
      {active && (
        <span className="batch-tab-dot">
          <span className="visually-hidden"> (on)</span>
        </span>
      )}
      {percent !== null && <span className="batch-tab-progress"> {percent}%</span>}
    </>
  );
}

/** Which engine runs the jobs, and the WebGPU adapter there is. */
function BatchEngineChoice() {
  const engine = useAppStore((state) => state.batchEngine);
  const setEngine = useAppStore((state) => state.setBatchEngine);
  const adapter = useAppStore((state) => state.gpuAdapter);
  const adapterText =
    adapter === undefined
      ? 'Looking for a WebGPU adapter…'
      : adapter === null
        ? 'No WebGPU adapter here: jobs run on the TypeScript workers.'
        : `WebGPU adapter: ${adapterName(adapter)}${adapter.isFallbackAdapter ? ', a software renderer, not a GPU: the TypeScript workers are usually faster' : ''}.`;
  return (
    <div className="batch-engine">
      <Select label="Batch engine" value={engine} onChange={(value) => setEngine(value as EnginePreference)}>
        {ENGINE_PREFERENCES.map((preference) => (
          <option key={preference} value={preference}>
            {ENGINE_LABELS[preference]}
          </option>
        ))}
      </Select>
      <p className="batch-engine-note">{adapterText} The choice is in the link (engine=js or engine=webgpu).</p>
    </div>
  );
}

/**
 * The Analysis panel: thousands of runs at once, for the basin-of-attraction map, the
 * learning-rate sweep and many seeds, each in a tab with its settings and its job's progress.
 * Collapsed until opened (or until a link with an analysis opens it).
 */
export function AnalysisPanel() {
  const open = useAppStore((state) => state.analysisOpen);
  const setOpen = useAppStore((state) => state.setAnalysisOpen);
  const tab = useAppStore((state) => state.analysisTab);
  const setTab = useAppStore((state) => state.setAnalysisTab);
  const baseId = useId();
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);

  // arrow keys move between tabs, as the ARIA tabs pattern has it
  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const next = event.key === 'ArrowRight' ? index + 1 : event.key === 'ArrowLeft' ? index - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? TABS.length - 1 : null;
    if (next === null) return;
    event.preventDefault();
    const wrapped = (next + TABS.length) % TABS.length;
    setTab(TABS[wrapped].feature);
    tabRefs.current[wrapped]?.focus();
  };

  return (
    <section className="panel batch-panel" aria-labelledby={`${baseId}-heading`}>
      <h2 id={`${baseId}-heading`} className="batch-panel-heading">
        <button type="button" className="batch-panel-toggle" aria-expanded={open} aria-controls={`${baseId}-body`} onClick={() => setOpen(!open)}>
          <span className="batch-panel-arrow" aria-hidden="true">
            ▸
          </span>
          Analysis
        </button>
        <span className="batch-panel-subtitle">basin maps, learning-rate sweeps, many seeds: thousands of runs at once</span>
      </h2>
      {open && (
        <div id={`${baseId}-body`} className="batch-panel-body">
          <div className="batch-tabs" role="tablist" aria-label="Analyses">
            {TABS.map(({ feature, label }, index) => (
              <button
                key={feature}
                ref={(element) => {
                  tabRefs.current[index] = element;
                }}
                type="button"
                role="tab"
                id={`${baseId}-tab-${feature}`}
                aria-selected={tab === feature}
                aria-controls={`${baseId}-panel`}
                tabIndex={tab === feature ? 0 : -1}
                onClick={() => setTab(feature)}
                onKeyDown={(event) => onTabKey(event, index)}
              >
                <TabLabel feature={feature} label={label} />
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`${baseId}-panel`} aria-labelledby={`${baseId}-tab-${tab}`} className="batch-tabpanel">
            <Suspense fallback={<p className="lazy-loading">Loading…</p>}>
              {tab === 'basin' && <BasinAnalysis />}
              {tab === 'sweep' && <SweepAnalysis />}
              {tab === 'seeds' && <SeedsAnalysis />}
            </Suspense>
          </div>
          <BatchEngineChoice />
        </div>
      )}
    </section>
  );
}
