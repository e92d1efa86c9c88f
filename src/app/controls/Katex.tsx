import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import 'katex/dist/katex.min.css';
import './Katex.css';

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
  /** The same formula in plain text, shown until KaTeX has loaded and read by nothing else. */
  fallback: string;
  /** Set apart on its own line, larger, as a displayed equation. */
  display?: boolean;
  className?: string;
}

/**
 * A formula typeset with KaTeX. KaTeX writes MathML beside the visual rendering, so screen readers
 * read the mathematics; malformed LaTeX is shown in red rather than thrown.
 */
export function Katex({ tex, fallback, display, className }: KatexProps) {
  const ref = useRef<HTMLSpanElement>(null);
  const [loaded, setLoaded] = useState(katexModule !== null);

  useEffect(() => {
    if (loaded) return;
    let cancelled = false;
    loadKatex().then(
      () => !cancelled && setLoaded(true),
      () => undefined, // offline or blocked: the plain-text fallback stays
    );
    return () => {
      cancelled = true;
    };
  }, [loaded]);

  useLayoutEffect(() => {
    if (!loaded || !katexModule || !ref.current) return;
    // trust: false (the default) keeps \href, \url and HTML extensions out
    katexModule.render(tex, ref.current, { displayMode: display ?? false, throwOnError: false, output: 'htmlAndMathml' });
  }, [loaded, tex, display]);

  return (
    // a displayed formula may be wider than its box and scroll: focusable, so the keyboard can scroll it too
    <span className={`katex-formula ${display ? 'katex-formula-display' : ''} ${className ?? ''}`} {...(display ? { tabIndex: 0, role: 'group', 'aria-label': 'Formula' } : {})}>
      {/* KaTeX owns the inner span's content; React never renders into it */}
      {loaded ? <span ref={ref} /> : <code className="katex-fallback">{fallback}</code>}
    </span>
  );
}
