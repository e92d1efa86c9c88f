import { formatConstant, resolveParameters } from './bind';
import { planeSurface, writeHessian } from './plane-surface';
import { MAX_SURFACE_DIMENSION, type SurfaceDefinition } from './surface';
import { power } from '../../power';
import { repeatedPoint, vectorSurface } from './vector-surface';

const PARAMETERS = [
  { name: 'condition', label: 'condition number', defaultValue: 10, min: 1, max: 1000, log: true },
  { name: 'angle', label: 'rotation (degrees)', defaultValue: 30, min: -90, max: 90 },
] as const;

/**
 * cos or sin of an angle in degrees, rounded to 15 decimals so that the formula reads
 * sin 30° = 0.5 rather than 0.49999999999999994 and cos 90° = 0 rather than 6.123233995736766e-17;
 * the rotation stays orthonormal to 1e-15.
 */
function roundedTrig(trig: (radians: number) => number, degrees: number): number {
  return Number(trig((degrees * Math.PI) / 180).toFixed(15));
}

/** "c1*x + c2*y" with zero terms dropped and unit coefficients and signs written plainly. */
function linearCombination(xCoefficient: number, yCoefficient: number): string {
  const terms: string[] = [];
  for (const [coefficient, variable] of [[xCoefficient, 'x'], [yCoefficient, 'y']] as const) {
    if (coefficient === 0) continue;
    const magnitude = Math.abs(coefficient);
    const term = magnitude === 1 ? variable : `${formatConstant(magnitude)}*${variable}`;
    if (terms.length === 0) terms.push(coefficient < 0 ? `-${term}` : term);
    else terms.push(coefficient < 0 ? ` - ${term}` : ` + ${term}`);
  }
  return terms.join('');
}

/** "(expr)^2", or "x^2" when expr is a bare variable. */
function squared(linear: string): string {
  return /^[xy]$/.test(linear) ? `${linear}^2` : `(${linear})^2`;
}

/**
 * A rotated elliptic bowl ½(λ1 u² + λ2 v²) with (u, v) = (x, y) rotated by `angle`, λ1 = 1,
 * λ2 = 1/condition: gradient descent zig-zags across the narrow direction while crawling along the
 * long one; since the largest curvature is 1 its stability limit is lr < 2 for any condition.
 */
export const illConditioned: SurfaceDefinition = {
  id: 'ill-conditioned',
  name: 'Ill-conditioned quadratic',
  group: 'convex',
  description: '½(u² + v²/κ) with (u, v) = (x, y) rotated by the given angle: curvature 1 across the valley, 1/κ along it. Gradient descent is stable for lr < 2 whatever κ is, but the long direction then converges κ times slower: the zig-zag that momentum and Adam fix.',
  parameters: PARAMETERS,
  domain: [[-3, 3], [-3, 3]],
  // far out along the long axis v (the direction (−sin 30°, cos 30°)) and a little across it: the
  // across part dies first (and zig-zags at large lr), the long crawl follows
  suggestedStarts: [[-1, 2.5]],
  create(values) {
    const { condition, angle } = resolveParameters(PARAMETERS, values);
    const cosine = roundedTrig(Math.cos, angle);
    const sine = roundedTrig(Math.sin, angle);
    const largeCurvature = 1;
    const smallCurvature = 1 / condition;
    // Hessian = Rᵀ diag(λ1, λ2) R with the rows of R being the u and v axes
    const hxx = largeCurvature * cosine * cosine + smallCurvature * sine * sine;
    const hxy = (largeCurvature - smallCurvature) * cosine * sine;
    const hyy = largeCurvature * sine * sine + smallCurvature * cosine * cosine;
    const value = (x: number, y: number): number => {
      const u = cosine * x + sine * y;
      const v = cosine * y - sine * x;
      return 0.5 * (largeCurvature * u * u + smallCurvature * v * v);
    };
    const u = linearCombination(cosine, sine);
    const v = linearCombination(-sine, cosine);
    return planeSurface({
      expression: `0.5*(${squared(u)} + ${formatConstant(smallCurvature)}*${squared(v)})`,
      minima: [{ point: [0, 0], value: 0 }],
      value,
      valueAndGradient(x, y, gradient) {
        // the gradient of a quadratic form is its Hessian times the point
        gradient[0] = hxx * x + hxy * y;
        gradient[1] = hxy * x + hyy * y;
        return value(x, y);
      },
      hessian: (_x, _y, hessian) => writeHessian(hessian, hxx, hxy, hyy),
    });
  },
  nDimensional: {
    formula: String.raw`\tfrac12\Big(u^2 + \lambda_2 v^2 + \sum_{i=3}^{n} \lambda_i x_i^2\Big),\ \lambda_i = \kappa^{-(i-1)/(n-1)}`,
    minDimension: 2,
    maxDimension: MAX_SURFACE_DIMENSION,
    create(values, dimension) {
      // curvatures λᵢ = κ^(−i/(n−1)), log-spaced from 1 to 1/κ, along the axes; the first two axes are
      // rotated by `angle` as in the plane (where this is the same function)
      const { condition, angle } = resolveParameters(PARAMETERS, values);
      const cosine = roundedTrig(Math.cos, angle);
      const sine = roundedTrig(Math.sin, angle);
      const curvatures = Array.from({ length: dimension }, (_, i) => (i === 0 ? 1 : power(condition, -i / (dimension - 1))));
      const [largeCurvature, secondCurvature] = curvatures;
      const hxx = largeCurvature * cosine * cosine + secondCurvature * sine * sine;
      const hxy = (largeCurvature - secondCurvature) * cosine * sine;
      const hyy = largeCurvature * sine * sine + secondCurvature * cosine * cosine;
      const value = (point: ArrayLike<number>): number => {
        const u = cosine * point[0] + sine * point[1];
        const v = cosine * point[1] - sine * point[0];
        let sum = largeCurvature * u * u + secondCurvature * v * v;
        for (let i = 2; i < dimension; i++) sum += curvatures[i] * point[i] * point[i];
        return 0.5 * sum;
      };
      return vectorSurface({
        dimension,
        minima: [{ point: repeatedPoint(0, dimension), value: 0 }],
        value,
        valueAndGradient(point, gradient) {
          gradient[0] = hxx * point[0] + hxy * point[1];
          gradient[1] = hxy * point[0] + hyy * point[1];
          for (let i = 2; i < dimension; i++) gradient[i] = curvatures[i] * point[i];
          return value(point);
        },
        addHessian(_point, hessian) {
          hessian[0] = hxx;
          hessian[1] = hxy;
          hessian[dimension] = hxy;
          hessian[dimension + 1] = hyy;
          for (let i = 2; i < dimension; i++) hessian[i * dimension + i] = curvatures[i];
        },
      });
    },
  },
};
