import { formatSignificant } from '../../views/view-domain';
import { useAppStore } from '../use-app-store';

/** What an undefined f is: NaN, or an infinity (a division by zero, an overflow). */
function undefinedValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN: not a number';
  return value > 0 ? '+∞' : '−∞';
}

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
          {Number.isFinite(hover.value) ? (
            <>
              <span>
                <i>f</i> = {formatSignificant(hover.value)}
              </span>
              <span>
                ‖∇<i>f</i>‖ = {formatSignificant(hover.gradientNorm)}
              </span>
            </>
          ) : (
            // the hatched region of the map: no number to read, and no gradient either
            <span className="hover-undefined">
              <i>f</i> is undefined here ({undefinedValue(hover.value)})
            </span>
          )}
        </span>
      ) : (
        <span className="hover-hint">
          Point at the map to read <i>f</i> and ‖∇<i>f</i>‖ there.
        </span>
      )}
    </p>
  );
}
