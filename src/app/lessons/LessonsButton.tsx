import { useLessons } from './lessons-context';

/** The toolbar's "Lessons" button: shows the list of lessons beside the map, or hides the lessons panel. */
export function LessonsButton() {
  const { mode, setMode, panelId } = useLessons();
  const open = mode.kind !== 'closed';
  return (
    <button type="button" className="toggle lessons-button" aria-expanded={open} aria-controls={open ? panelId : undefined} onClick={() => setMode(open ? { kind: 'closed' } : { kind: 'menu' })}>
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M3 5.5C5.5 4.5 9 4.5 12 6.5c3-2 6.5-2 9-1v13c-2.5-1-6-1-9 1-3-2-6.5-2-9-1Z M12 6.5v13" />
      </svg>
      Lessons
    </button>
  );
}
