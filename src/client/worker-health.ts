// What the page tells the user about its workers: one notice per source (the engine, the slice
// engine, the batch workers, the GPU), replaced as things change. A tiny external store: React reads
// it with useSyncExternalStore (app/toolbar/EngineStatus.tsx), the clients write it.

/** One worker's state as the user reads it. */
export interface WorkerNotice {
  /** Which worker: 'engine', 'slice engine', 'batch', 'gpu'. */
  readonly source: string;
  /** recovering: being restarted; recovered: restarted and the work redone; failed: given up; fallback: the GPU was lost. */
  readonly status: 'recovering' | 'recovered' | 'failed' | 'fallback';
  readonly message: string;
  /** Offered when the owner gave up: starts a fresh worker and sends the work again. */
  readonly retry?: () => void;
}

/** The notices of every worker, for the status line. */
export class WorkerHealth {
  private notices: readonly WorkerNotice[] = [];
  private readonly listeners = new Set<() => void>();

  /** Sets the source's notice (replacing its previous one). */
  report(notice: WorkerNotice): void {
    this.notices = [...this.notices.filter((other) => other.source !== notice.source), notice];
    this.emit();
  }

  /** Removes the source's notice. */
  clear(source: string): void {
    if (!this.notices.some((notice) => notice.source === source)) return;
    this.notices = this.notices.filter((notice) => notice.source !== source);
    this.emit();
  }

  /** The current notices (the same array until one changes). */
  readonly getSnapshot = (): readonly WorkerNotice[] => this.notices;

  /** Calls `listener` after every change; returns the unsubscribe function. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

/** The page's one WorkerHealth (main.tsx's clients report to it; the toolbar shows it). */
export const workerHealth = new WorkerHealth();
