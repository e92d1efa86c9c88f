import { CopyLinkButton } from '../export/CopyLinkButton';
import { ExportMenu } from '../export/ExportMenu';
import { savePreferences } from '../preferences';
import { LessonsButton } from '../lessons/LessonsButton';
import { HelpButton } from './HelpButton';
import { RecentMenu } from './RecentMenu';
import { UndoRedo } from './UndoRedo';
import { useAppStore } from '../use-app-store';
import { ClassroomTools } from '../classroom/ClassroomTools';
import { Shown } from '../classroom/use-shown';
import './Toolbar.css';

/** The page header: the title, Undo and Redo, sharing (Recent, Export, Copy link), the reader's own settings (theme, text size), the lessons and the introduction's "?". */
export function Toolbar() {
  const theme = useAppStore((state) => state.theme);
  const setTheme = useAppStore((state) => state.setTheme);
  const largeText = useAppStore((state) => state.largeText);
  const setLargeText = useAppStore((state) => state.setLargeText);

  const toggleTheme = () => {
    const next = theme === 'dark' ? 'light' : 'dark';
    setTheme(next);
    savePreferences({ theme: next }); // chosen now: stop following the system's scheme
  };
  const toggleLargeText = () => {
    setLargeText(!largeText);
    savePreferences({ largeText: !largeText });
  };

  return (
    <header className="toolbar">
      <h1>
        <svg className="toolbar-logo" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <ellipse cx="12" cy="12" rx="10" ry="6.5" />
          <ellipse cx="12" cy="12" rx="6" ry="3.6" />
          <path d="M3.5 4.5 Q8 9 10.5 11 T12 12" />
          <circle cx="12" cy="12" r="1.6" />
        </svg>
        Optimizer Playground
      </h1>
      <Shown name="toolbar.undo">
        <UndoRedo />
      </Shown>
      <Shown name="toolbar.share">
        <nav className="toolbar-group" aria-label="Share and export">
          <RecentMenu />
          <ExportMenu />
          <CopyLinkButton />
        </nav>
      </Shown>
      <Shown name="toolbar.classroom">
        <ClassroomTools />
      </Shown>
      <Shown name="toolbar.display">
      <div className="toolbar-group" role="group" aria-label="Display">
        <button type="button" className="toggle" aria-pressed={theme === 'dark'} onClick={toggleTheme} title="Dark theme">
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5Z" />
          </svg>
          <span className="toolbar-label">Dark theme</span>
        </button>
        <button type="button" className="toggle" aria-pressed={largeText} onClick={toggleLargeText} title="Large text">
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M3 19 8 5l5 14M5 14h6M15 19l3.5-9 3.5 9M16 16h5" />
          </svg>
          <span className="toolbar-label">Large text</span>
        </button>
      </div>
      </Shown>
      <LessonsButton />
      <HelpButton />
    </header>
  );
}
