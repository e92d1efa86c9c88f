import { isFormulaProblem, type Problem } from '../../experiment/experiment';

/** What an export holds, as it appears in the file name. */
export type ExportKind = 'experiment' | 'trajectories' | 'map' | 'loss-chart' | 'map-and-loss-chart' | 'pytorch' | 'scipy';

/** File extensions the exports write. */
export type ExportExtension = 'json' | 'csv' | 'png' | 'svg' | 'webm' | 'gif' | 'py';

/** Longest problem slug kept in a file name (a long formula would make an unwieldy name). */
const MAX_SLUG_LENGTH = 40;

/**
 * The problem as a file-name fragment: the surface id ("rosenbrock", "goldstein-price"), or
 * "formula-" and the formula's letters and digits ("formula-1-x-2-100-y-x-2-2").
 */
export function problemSlug(problem: Problem): string {
  if (problem.kind === 'data') return slugify(problem.dataset.csv ?? problem.dataset.name ?? '') || 'data';
  if (!isFormulaProblem(problem)) return slugify(problem.surface) || 'surface';
  const formula = slugify(problem.expression);
  return formula ? `formula-${formula}`.slice(0, MAX_SLUG_LENGTH).replace(/-+$/, '') : 'formula';
}

/** optimizer-playground-<problem>-<what>.<ext>, e.g. optimizer-playground-rosenbrock-trajectories.csv. */
export function exportFileName(problem: Problem, kind: ExportKind, extension: ExportExtension): string {
  return `optimizer-playground-${problemSlug(problem)}-${kind}.${extension}`;
}

/** Lower-case ASCII letters and digits joined by single hyphens: safe on every file system. */
function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
