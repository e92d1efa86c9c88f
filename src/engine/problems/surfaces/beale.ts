import { planeSurface, writeHessian } from './plane-surface';
import type { SurfaceDefinition } from './surface';

// f = Σ_k r_k² with residuals r_k = c_k − x + x·y^k, k = 1, 2, 3
const CONSTANTS = [1.5, 2.25, 2.625] as const;

/** Beale's function: sharp ridges and flat arms around a valley that ends at its minimum (3, 0.5). */
export const beale: SurfaceDefinition = {
  id: 'beale',
  name: 'Beale',
  group: 'valleys',
  description: '(1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²: a flat basin with steep (y⁶-fast) walls; the minimum 0 at (3, 0.5) lies at the end of a narrow curving valley.',
  parameters: [],
  domain: [[-4.5, 4.5], [-4.5, 4.5]],
  // in the flat basin, below the steep y⁶ walls that throw large steps out: the path has to find the curving
  // valley to (3, 0.5)
  suggestedStarts: [[1, 1.5]],
  create() {
    const value = (x: number, y: number): number => {
      let sum = 0;
      let yPower = 1;
      for (const constant of CONSTANTS) {
        yPower *= y;
        const residual = constant - x + x * yPower;
        sum += residual * residual;
      }
      return sum;
    };
    return planeSurface({
      expression: '(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2',
      minima: [{ point: [3, 0.5], value: 0 }],
      value,
      valueAndGradient(x, y, gradient) {
        let sum = 0;
        let gradientX = 0;
        let gradientY = 0;
        let yPowerBelow = 1; // y^(k-1)
        for (let k = 1; k <= CONSTANTS.length; k++) {
          const yPower = yPowerBelow * y;
          const residual = CONSTANTS[k - 1] - x + x * yPower;
          sum += residual * residual;
          // ∂r/∂x = y^k − 1, ∂r/∂y = k x y^(k−1)
          gradientX += 2 * residual * (yPower - 1);
          gradientY += 2 * residual * k * x * yPowerBelow;
          yPowerBelow = yPower;
        }
        gradient[0] = gradientX;
        gradient[1] = gradientY;
        return sum;
      },
      hessian(x, y, hessian) {
        // ∂²(r²) = 2(∂r ∂rᵀ + r ∂²r), with ∂²r/∂x² = 0, ∂²r/∂x∂y = k y^(k−1), ∂²r/∂y² = k(k−1) x y^(k−2)
        let xx = 0;
        let xy = 0;
        let yy = 0;
        let yPowerTwoBelow = 0; // y^(k-2); its coefficient k(k−1) is 0 for k = 1
        let yPowerBelow = 1;
        for (let k = 1; k <= CONSTANTS.length; k++) {
          const yPower = yPowerBelow * y;
          const residual = CONSTANTS[k - 1] - x + x * yPower;
          const residualX = yPower - 1;
          const residualY = k * x * yPowerBelow;
          xx += 2 * residualX * residualX;
          xy += 2 * (residualX * residualY + residual * k * yPowerBelow);
          yy += 2 * (residualY * residualY + residual * k * (k - 1) * x * yPowerTwoBelow);
          yPowerTwoBelow = yPowerBelow;
          yPowerBelow = yPower;
        }
        writeHessian(hessian, xx, xy, yy);
      },
    });
  },
};
