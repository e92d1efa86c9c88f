/** Placeholder until its owner lands it (see the plan). */
export function ProblemPanel() {
  return null;
}
