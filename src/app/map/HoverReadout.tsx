import { formatSignificant } from '../../views/view-domain';
import { useAppStore } from '../use-app-store';

/** f and ‖∇f‖ at the point under the cursor on the map (the engine's answer to the hover request). */
export function HoverReadout() {
  const hover = useAppStore((state) => state.hover);
  return (
    <p className="hover-readout" role="status" aria-live="polite" data-testid="hover-readout">
      {hover ? (
        <span className="hover-values" data-x={hover.x} data-y={hover.y} data-f={hover.value} data-gradient-norm={hover.gradientNorm}>
          <span>
            (x, y) = ({formatSignificant(hover.x)}, {formatSignificant(hover.y)})
          </span>
          <span>
            <i>f</i> = {formatSignificant(hover.value)}
          </span>
          <span>
            ‖∇<i>f</i>‖ = {formatSignificant(hover.gradientNorm)}
          </span>
        </span>
      ) : (
        <span className="hover-hint">
          Point at the map to read <i>f</i> and ‖∇<i>f</i>‖ there.
        </span>
      )}
    </p>
  );
}
