import { problemDimension } from '../../engine/problems';
import { useAppStore } from '../use-app-store';
import { glyphRuns } from './glyph-runs';
import { runGlyphs } from '../../views/glyph-geometry';

/** What each glyph on the map means and how it is scaled, for the glyphs that are on. */
const GLYPH_LEGEND = [
  { glyph: 'gradient', text: 'Gradient arrow: −lr·∇f(x_k), the step plain gradient descent would take from the shown point, at its true length; normalised (with ‖∇f‖) when too short to see or the method has no learning rate, clipped when it leaves the map.' },
  { glyph: 'velocity', text: "Velocity arrow: the displacement the momentum produces, −lr·v (SGD's and RMSprop's buffer), or Adam's −η⊙m (first moment times the per-coordinate effective rate)." },
  { glyph: 'stepBox', text: "Adam step box: the filled box reaches |Δᵢ| in each coordinate around x_{k−1} (x_k is its corner); the dashed box is ±lr. Adam divides m by √v, so each coordinate's step stays near lr whatever the gradient's size." },
  { glyph: 'newtonStep', text: "Newton step: −H⁻¹∇f from x_k (the jump to the local model's stationary point), beside the grey gradient step −lr·∇f; dashed where H is indefinite (a saddle of the model, not a minimum)." },
  { glyph: 'probeDirection', text: 'Probe direction: the zeroth-order estimate\'s random direction u through x_{k−1}, the segment ±c·u its probe pair (normalised when c is too small to see).' },
] as const;

/** The legend of the glyphs that are on, and what could not be drawn (a singular or indefinite H). */
export function GlyphLegend() {
  const glyphs = useAppStore((state) => state.glyphs);
  const notes = useAppStore((state) => {
    if (!state.glyphs.newtonStep) return '';
    return glyphRuns(state)
      .flatMap((run) => runGlyphs(run.source, { gradient: false, velocity: false, stepBox: false, newtonStep: true, probeDirection: false }, 1).notes.map((note) => `${run.label}: ${note}`))
      .join('\n');
  });
  const twoDimensional = useAppStore((state) => problemDimension(state.experiment.problem) === 2);
  const shown = GLYPH_LEGEND.filter((entry) => glyphs[entry.glyph]);
  if (shown.length === 0 || !twoDimensional) return null;
  return (
    <section className="glyph-legend" aria-label="Glyph legend" data-testid="glyph-legend">
      <ul>
        {shown.map((entry) => (
          <li key={entry.glyph}>{entry.text}</li>
        ))}
        {notes.split('\n').filter(Boolean).map((note) => (
          <li key={note} className="glyph-note">
            {note}
          </li>
        ))}
      </ul>
    </section>
  );
}
