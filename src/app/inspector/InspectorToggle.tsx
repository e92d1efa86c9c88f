import { useAppStore, useAppStoreApi } from '../use-app-store';
import { InspectIcon } from './InspectIcon';
import { openInspector } from './inspector-open';

/** The toolbar's "Step inspector" toggle: opens the inspector on the selected run, or closes it. */
export function InspectorToggle() {
  const store = useAppStoreApi();
  const open = useAppStore((state) => state.inspectedRun !== null);
  const toggle = () => {
    const state = store.getState();
    if (open) state.setInspectedRun(null);
    else openInspector(store, Math.min(state.selectedRun, state.experiment.runs.length - 1));
  };
  return (
    <button type="button" className="toggle" aria-pressed={open} title="The point, f, ∇f and the method’s state at the shown step" onClick={toggle}>
      <InspectIcon />
      Step inspector
    </button>
  );
}
