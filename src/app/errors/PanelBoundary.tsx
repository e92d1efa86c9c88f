import { Component, Fragment, useEffect, useState, type ReactNode } from 'react';
import { useAppStore, useAppStoreApi } from '../use-app-store';
import './PanelBoundary.css';

/** Longest error message shown in a failed panel; a message can quote a whole input. */
const MAX_MESSAGE_LENGTH = 300;

/** Props of PanelBoundary. */
export interface PanelBoundaryProps {
  /** The panel as the message names it, capitalised: "The loss chart". */
  name: string;
  /** The panel's own class (e.g. "loss-panel"), so the message takes the panel's place in the page layout. */
  className?: string;
  children: ReactNode;
}

interface PanelBoundaryState {
  /** What the panel threw, boxed so that a thrown `undefined` still counts as a failure. */
  failure: { error: unknown } | null;
  /** Bumped by "Try again": the panel is mounted afresh, with none of the state that failed. */
  attempt: number;
}

/**
 * Keeps a panel's failure inside the panel. Without it, one error anywhere in rendering unmounts the
 * whole page and the reader is left with a blank tab; with it, that panel says what failed and
 * offers a way back (try again, or undo the last change), while the rest of the page, the
 * experiment and its link stay as they were. React still logs the error to the console.
 */
export class PanelBoundary extends Component<PanelBoundaryProps, PanelBoundaryState> {
  override state: PanelBoundaryState = { failure: null, attempt: 0 };

  static getDerivedStateFromError(error: unknown): Partial<PanelBoundaryState> {
    return { failure: { error } };
  }

  private readonly retry = (): void => this.setState((state) => ({ failure: null, attempt: state.attempt + 1 }));

  override render(): ReactNode {
    const { failure, attempt } = this.state;
    if (failure) return <PanelFailure name={this.props.name} className={this.props.className} error={failure.error} onRetry={this.retry} />;
    return <Fragment key={attempt}>{this.props.children}</Fragment>;
  }
}

/** A panel's place when it failed: what failed and why, that nothing was lost, and the ways back. */
function PanelFailure({ name, className, error, onRetry }: { name: string; className?: string; error: unknown; onRetry(): void }) {
  const store = useAppStoreApi();
  const undoLabel = useAppStore((state) => state.past[state.past.length - 1]?.label ?? null);
  const experiment = useAppStore((state) => state.experiment);
  const [experimentAtFailure] = useState(experiment);
  // a change made elsewhere (Undo in the toolbar, Back, a new link) may be the way back: the panel
  // tries again with it rather than waiting for a click
  useEffect(() => {
    if (experiment !== experimentAtFailure) onRetry();
  }, [experiment, experimentAtFailure, onRetry]);

  return (
    <section className={`panel panel-failure ${className ?? ''}`} role="alert" aria-label={`${name} failed`}>
      <p className="panel-failure-title">{name} stopped working.</p>
      <p className="panel-failure-reason">{describeError(error)}</p>
      <p className="panel-failure-note">The rest of the page, the experiment and its link are unchanged.</p>
      <div className="panel-failure-actions">
        <button type="button" onClick={onRetry}>
          Try again
        </button>
        <button
          type="button"
          disabled={undoLabel === null}
          title={undoLabel === null ? 'Nothing to undo' : `Undo: ${undoLabel}`}
          onClick={() => store.getState().undo()}
        >
          Undo last change
        </button>
      </div>
    </section>
  );
}

/** The error's message, short enough to read: "Maximum call stack size exceeded". */
function describeError(error: unknown): string {
  const message = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
  return message.length > MAX_MESSAGE_LENGTH ? `${message.slice(0, MAX_MESSAGE_LENGTH)}…` : message;
}
