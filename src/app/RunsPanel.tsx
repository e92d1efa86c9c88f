import { RunList } from './RunList';

/** The runs (placeholder until the full runs panel lands). */
export function RunsPanel() {
  return <RunList />;
}
