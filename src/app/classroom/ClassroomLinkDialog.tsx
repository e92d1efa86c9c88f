import { useEffect, useId, useMemo, useState } from 'react';
import { CLASSROOM_NAMES, panelOf, type ClassroomName } from '../../experiment/classroom-names';
import { canonicalHidden } from '../../experiment/url-fields-classroom';
import { urlStateOf } from '../../sync/url-sync';
import { useAppStoreApi } from '../use-app-store';
import { classroomHash } from './classroom-link';
import { ModalDialog } from './ModalDialog';

/** How long "Link copied" stays beside the button. */
const STATUS_CLEAR_MS = 4_000;

/** The registry grouped by panel, each panel with its controls, in the registry's order. */
function panelsWithControls(): { panel: ClassroomName; controls: ClassroomName[] }[] {
  return CLASSROOM_NAMES.filter((entry) => entry.kind === 'panel').map((panel) => ({
    panel,
    controls: CLASSROOM_NAMES.filter((entry) => entry.kind === 'control' && panelOf(entry.name) === panel.name),
  }));
}

/**
 * The classroom link editor, as TensorFlow Playground's: a checkbox to hide each panel and control,
 * the lock and presenter-mode switches, and the link they make, to copy. It starts from what the
 * page shows now and changes nothing on this page.
 */
export function ClassroomLinkDialog({ onClose }: { onClose(): void }) {
  const store = useAppStoreApi();
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set(store.getState().hidden));
  const [locked, setLocked] = useState(() => store.getState().locked);
  const [presenting, setPresenting] = useState(false);
  const [status, setStatus] = useState('');
  const linkId = useId();
  const groups = useMemo(panelsWithControls, []);

  const link = `${location.origin}${location.pathname}#${classroomHash(urlStateOf(store.getState()), { hidden: canonicalHidden(hidden), locked, presenting })}`;

  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(() => setStatus(''), STATUS_CLEAR_MS);
    return () => clearTimeout(timer);
  }, [status]);

  const toggle = (name: string, hide: boolean) => {
    const next = new Set(hidden);
    if (hide) next.add(name);
    else next.delete(name);
    setHidden(next);
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setStatus('Link copied');
    } catch {
      setStatus('Copying was refused: select the link and copy it by hand');
    }
  };

  return (
    <ModalDialog title="Classroom link" onClose={onClose}>
      <p className="dialog-intro">Choose what your students see. Hidden parts are left out of the page; a locked link cannot change the experiment.</p>
      <div className="classroom-choices">
        {groups.map(({ panel, controls }) => {
          const panelHidden = hidden.has(panel.name);
          return (
            <fieldset key={panel.name} className="classroom-group">
              <legend>{panel.label}</legend>
              <label>
                <input type="checkbox" checked={panelHidden} onChange={(event) => toggle(panel.name, event.target.checked)} />
                Hide the {panel.label.toLowerCase()}
              </label>
              {controls.map((control) => (
                <label key={control.name} className="classroom-control">
                  {/* a hidden panel hides its controls: their own boxes then show that, and wait */}
                  <input type="checkbox" checked={panelHidden || hidden.has(control.name)} disabled={panelHidden} onChange={(event) => toggle(control.name, event.target.checked)} />
                  Hide {control.label.charAt(0).toLowerCase() + control.label.slice(1)}
                </label>
              ))}
            </fieldset>
          );
        })}
      </div>
      <fieldset className="classroom-group">
        <legend>The link</legend>
        <label>
          <input type="checkbox" checked={locked} onChange={(event) => setLocked(event.target.checked)} />
          Lock the experiment (read-only; playback still works)
        </label>
        <label>
          <input type="checkbox" checked={presenting} onChange={(event) => setPresenting(event.target.checked)} />
          Open in presenter mode
        </label>
      </fieldset>
      <label htmlFor={linkId} className="classroom-link-label">
        Classroom link
      </label>
      <div className="classroom-link-row">
        <input id={linkId} type="text" readOnly value={link} onFocus={(event) => event.target.select()} data-testid="classroom-link" />
        <button type="button" onClick={copy}>
          Copy link
        </button>
        <span role="status" aria-live="polite">
          {status}
        </span>
      </div>
    </ModalDialog>
  );
}
