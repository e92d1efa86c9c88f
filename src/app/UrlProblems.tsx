import { useAppStore } from './use-app-store';

/** What was wrong in the opened link, and that those fields fell back to their defaults. */
export function UrlProblems() {
  const problems = useAppStore((state) => state.urlProblems);
  const dismiss = useAppStore((state) => state.dismissUrlProblems);
  if (problems.length === 0) return null;
  return (
    <div className="url-problems" role="alert">
      <p>This link had problems; the fields named below fell back to their defaults:</p>
      <ul>
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
      <button type="button" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
