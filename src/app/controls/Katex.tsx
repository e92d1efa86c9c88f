import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import 'katex/dist/katex.min.css';
import './Katex.css';
import { fallbackText, measureLatex, typesetRefusal } from './typeset-limit';

type KatexModule = typeof import('katex').default;

// KaTeX is a quarter of a megabyte of script that only typesets formulas, so it is loaded after the
// page has started; until it arrives the formula is shown as plain text.
let katexModule: KatexModule | null = null;
let katexLoading: Promise<KatexModule> | null = null;

function loadKatex(): Promise<KatexModule> {
  katexLoading ??= import('katex').then((module) => (katexModule = module.default));
  return katexLoading;
}

/** Props of Katex. */
export interface KatexProps {
  /** The formula in LaTeX (made by our own printers, never typed by the user). */
  tex: string;
  /** The same formula in plain text, shown until KaTeX has loaded, or instead when it is not typeset. */
  fallback: string;
  /** Set apart on its own line, larger, as a displayed equation. */
  display?: boolean;
  className?: string;
}

/**
 * A formula typeset with KaTeX. KaTeX writes MathML beside the visual rendering, so screen readers
 * read the mathematics; malformed LaTeX is shown in red rather than thrown. A formula past the
 * typesetting limits (typeset-limit.ts), or one KaTeX throws on, is shown as text with the reason:
 * the formula may come from a link, and nothing in a link may take the page down.
 */
export function Katex({ tex, fallback, display, className }: KatexProps) {
  const ref = useRef<HTMLSpanElement>(null);
  const [loaded, setLoaded] = useState(katexModule !== null);
  const refusal = useMemo(() => typesetRefusal(measureLatex(tex)), [tex]);
  // a throw from KaTeX, remembered with the LaTeX it was for (a new formula is tried afresh)
  const [failure, setFailure] = useState<{ tex: string; reason: string } | null>(null);
  const failed = failure !== null && failure.tex === tex ? failure.reason : null;
  const reason = refusal ?? failed;

  useEffect(() => {
    if (loaded || refusal !== null) return;
    let cancelled = false;
    loadKatex().then(
      () => !cancelled && setLoaded(true),
      () => undefined, // offline or blocked: the plain-text fallback stays
    );
    return () => {
      cancelled = true;
    };
  }, [loaded, refusal]);

  useLayoutEffect(() => {
    if (!loaded || reason !== null || !katexModule || !ref.current) return;
    try {
      // trust: false (the default) keeps \href, \url and HTML extensions out
      katexModule.render(tex, ref.current, { displayMode: display ?? false, throwOnError: false, output: 'htmlAndMathml' });
    } catch (error) {
      // throwOnError: false turns parse errors into red text, but a RangeError from recursion (or
      // any other throw) still escapes: show the text instead of letting it unmount the panel
      const message = error instanceof Error ? error.message : String(error);
      setFailure({ tex, reason: `Could not be typeset (${message}): shown as text.` });
    }
  }, [loaded, reason, tex, display]);

  return (
    // a displayed formula may be wider than its box and scroll: focusable, so the keyboard can scroll it too
    <span className={`katex-formula ${display ? 'katex-formula-display' : ''} ${className ?? ''}`} {...(display ? { tabIndex: 0, role: 'group', 'aria-label': 'Formula' } : {})}>
      {/* KaTeX owns the inner span's content; React never renders into it */}
      {loaded && reason === null ? <span ref={ref} /> : <code className="katex-fallback">{fallbackText(fallback)}</code>}
      {reason !== null && <span className="typeset-refused">{reason}</span>}
    </span>
  );
}
