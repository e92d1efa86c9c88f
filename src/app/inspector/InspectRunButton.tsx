import { useAppStore, useAppStoreApi } from '../use-app-store';
import { InspectIcon } from './InspectIcon';
import { openInspector } from './inspector-open';

/** A run card's "Inspect run N": opens the step inspector on this run, pressed while it shows it (pressing again closes it). */
export function InspectRunButton({ index }: { index: number }) {
  const store = useAppStoreApi();
  const inspected = useAppStore((state) => state.inspectedRun === index);
  const number = index + 1;
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={`Inspect run ${number}`}
      title={inspected ? 'Close the step inspector' : 'Inspect this run step by step: its point, gradient and the method’s state'}
      aria-pressed={inspected}
      onClick={() => (inspected ? store.getState().setInspectedRun(null) : openInspector(store, index))}
    >
      <InspectIcon />
    </button>
  );
}
