import { useAppStore } from '../use-app-store';

/** Splits "steps: 'abc' is not…" into the field it names and the rest, so the field can stand out. */
function splitField(problem: string): { field: string; rest: string } | null {
  const match = /^(run \d+: [\w.[\]]+|[\w.[\]]+): /.exec(problem);
  return match ? { field: match[1], rest: problem.slice(match[0].length) } : null;
}

/** What was wrong in the opened link, and that those fields fell back to their defaults. */
export function UrlProblems() {
  const problems = useAppStore((state) => state.urlProblems);
  const dismiss = useAppStore((state) => state.dismissUrlProblems);
  if (problems.length === 0) return null;
  return (
    <div className="url-problems" role="alert">
      <div className="url-problems-text">
        <p>
          <strong>This link had {problems.length === 1 ? 'a problem' : `${problems.length} problems`}.</strong> Everything else was read as
          written; each line says what was used instead:
        </p>
        <ul>
          {problems.map((problem, index) => {
            const parts = splitField(problem);
            return (
              <li key={`${index}:${problem}`}>
                {parts ? (
                  <>
                    <code>{parts.field}</code>: {parts.rest}
                  </>
                ) : (
                  problem
                )}
              </li>
            );
          })}
        </ul>
      </div>
      <button type="button" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
