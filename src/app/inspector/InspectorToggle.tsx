import { useAppStore, useAppStoreApi } from '../use-app-store';
import { InspectIcon } from './InspectIcon';
import { openInspector } from './inspector-open';

/**
 * The playback bar's "Step inspector" toggle, beside the step it inspects: opens the inspector on
 * the selected run, or closes it. An icon, so the bar keeps its one line (the map keeps its height).
 */
export function InspectorToggle() {
  const store = useAppStoreApi();
  const open = useAppStore((state) => state.inspectedRun !== null);
  const toggle = () => {
    const state = store.getState();
    if (open) state.setInspectedRun(null);
    else openInspector(store, Math.min(state.selectedRun, state.experiment.runs.length - 1));
  };
  return (
    <button type="button" className="icon-button" aria-pressed={open} title="Step inspector: the selected run’s point, f, ∇f and state at this step" onClick={toggle}>
      <InspectIcon />
      <span className="visually-hidden">Step inspector</span>
    </button>
  );
}
