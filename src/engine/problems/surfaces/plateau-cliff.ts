import { planeSurface, writeHessian } from './plane-surface';
import type { SurfaceDefinition } from './surface';

/*
 * Our own design. With s = (x − 1)² + (y − 1)² (squared distance to the minimum):
 *   f = G(s) = 1 − exp(−4s) + 0.02(√(1 + s) − 1)
 * The Gaussian pit (depth 1, width 1/2) is the cliff: slope 8r·exp(−4r²), at most 2√2·e^(−1/2) ≈ 1.72
 * at r = 1/(2√2). Beyond r ≈ 1 only the faint soft cone 0.02(√(1 + r²) − 1) is left: a plateau at
 * height ≈ 1 tilted toward the pit with slope ≤ 0.02. Both terms are ≥ 0 and vanish only at (1, 1),
 * so that is the global minimum, f = 0; the curvature there is 2G'(0) = 2(4 + 0.01) = 8.02.
 * Derivatives: G' = 4exp(−4s) + 0.01/√(1 + s), G'' = −16exp(−4s) − 0.005(1 + s)^(−3/2),
 * f_x = 2(x − 1)G', f_xx = 2G' + 4(x − 1)²G'', f_xy = 4(x − 1)(y − 1)G''.
 */

const CENTER_X = 1;
const CENTER_Y = 1;
const PIT_SHARPNESS = 4; // exp(−4s): width 1/2
const PLATEAU_TILT = 0.02;

/** A plateau-and-cliff surface: a nearly flat plateau that ends in a steep-walled pit around the minimum (1, 1). */
export const plateauCliff: SurfaceDefinition = {
  id: 'plateau-cliff',
  name: 'Plateau and cliff',
  group: 'saddles',
  description: '1 − exp(−4r²) + 0.02(√(1 + r²) − 1), r = distance to (1, 1): a plateau whose slope is only ≈ 0.02 drops over a cliff (slope up to 1.7) into a pit of curvature 8.02. Gradient descent with lr 0.1 crawls 0.002 per step across the plateau (≈ 1500 steps from the corner) while Adam and RMSprop, which divide by the gradient\'s size, move ≈ lr per step; in the pit gradient descent needs lr < 2/8.02 ≈ 0.25, above that it bounces across the pit or is flung back onto the plateau.',
  parameters: [],
  domain: [[-3, 3], [-3, 3]],
  // on the plateau, 3√2 from the pit at (1, 1): gradient descent crawls, Adam and RMSprop walk straight over
  // the cliff
  suggestedStarts: [[-2, -2]],
  create() {
    const value = (x: number, y: number): number => {
      const s = (x - CENTER_X) ** 2 + (y - CENTER_Y) ** 2;
      return 1 - Math.exp(-PIT_SHARPNESS * s) + PLATEAU_TILT * (Math.sqrt(1 + s) - 1);
    };
    return planeSurface({
      expression: '1 - exp(-4*((x - 1)^2 + (y - 1)^2)) + 0.02*(sqrt(1 + (x - 1)^2 + (y - 1)^2) - 1)',
      minima: [{ point: [CENTER_X, CENTER_Y], value: 0 }],
      value,
      valueAndGradient(x, y, gradient) {
        const dx = x - CENTER_X;
        const dy = y - CENTER_Y;
        const s = dx * dx + dy * dy;
        const pit = Math.exp(-PIT_SHARPNESS * s);
        const cone = Math.sqrt(1 + s);
        const slope = PIT_SHARPNESS * pit + (0.5 * PLATEAU_TILT) / cone; // G'(s)
        gradient[0] = 2 * dx * slope;
        gradient[1] = 2 * dy * slope;
        return 1 - pit + PLATEAU_TILT * (cone - 1);
      },
      hessian(x, y, hessian) {
        const dx = x - CENTER_X;
        const dy = y - CENTER_Y;
        const s = dx * dx + dy * dy;
        const pit = Math.exp(-PIT_SHARPNESS * s);
        const cone = Math.sqrt(1 + s);
        const slope = PIT_SHARPNESS * pit + (0.5 * PLATEAU_TILT) / cone; // G'(s)
        const bend = -PIT_SHARPNESS * PIT_SHARPNESS * pit - (0.25 * PLATEAU_TILT) / (cone * cone * cone); // G''(s)
        writeHessian(hessian, 2 * slope + 4 * dx * dx * bend, 4 * dx * dy * bend, 2 * slope + 4 * dy * dy * bend);
      },
    });
  },
};
