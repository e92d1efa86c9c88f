import { planeSurface, writeHessian } from './plane-surface';
import { MAX_SURFACE_DIMENSION, type SurfaceDefinition } from './surface';
import { repeatedPoint, vectorSurface } from './vector-surface';

// the standard constants a = 20, b = 0.2, c = 2π
const DEPTH = 20;
const DECAY = 0.2;
const FREQUENCY = 2 * Math.PI;

/*
 * f = −a·exp(−b·ρ) − exp(h) + e + a, with ρ = √(½(x² + y²)) and h = ½(cos cx + cos cy).
 * The first term is a cone at the origin: it has no derivative there. At exactly (0, 0) we return
 * its subgradient 0 (so the gradient is 0, the minimum is a fixed point) and leave out its
 * curvature, which grows like 1/ρ; the Hessian there is that of the smooth cosine term alone,
 * c²e/2·I = 2π²e·I ≈ 53.66·I.
 */

/** Ackley's function: a nearly flat, bumpy outer region around a deep funnel at the origin (any dimension, with ½ → 1/n). */
export const ackley: SurfaceDefinition = {
  id: 'ackley',
  name: 'Ackley',
  group: 'multimodal',
  description: '−20exp(−0.2√(½(x² + y²))) − exp(½(cos 2πx + cos 2πy)) + e + 20: many small local minima on a gently sloped plateau that funnels into the global minimum 0 at the origin (a cone point, where the gradient is taken as 0).',
  parameters: [],
  domain: [[-5, 5], [-5, 5]],
  // out on the rippled plateau, a few bumps from the funnel: small steps stop in a ripple, near (−2, 3)
  suggestedStarts: [[-2.3, 2.7]],
  create() {
    const value = (x: number, y: number): number =>
      -DEPTH * Math.exp(-DECAY * Math.sqrt(0.5 * (x * x + y * y))) -
      Math.exp(0.5 * (Math.cos(FREQUENCY * x) + Math.cos(FREQUENCY * y))) +
      Math.E +
      DEPTH;
    return planeSurface({
      expression: '-20*exp(-0.2*sqrt(0.5*(x^2 + y^2))) - exp(0.5*(cos(2*pi*x) + cos(2*pi*y))) + e + 20',
      minima: [{ point: [0, 0], value: 0 }],
      value,
      valueAndGradient(x, y, gradient) {
        const rho = Math.sqrt(0.5 * (x * x + y * y));
        const ripple = Math.exp(0.5 * (Math.cos(FREQUENCY * x) + Math.cos(FREQUENCY * y)));
        // cone: d/dx[−a e^(−bρ)] = a b e^(−bρ) · x/(2ρ); subgradient 0 at ρ = 0
        const coneSlope = rho === 0 ? 0 : (DEPTH * DECAY * Math.exp(-DECAY * rho)) / (2 * rho);
        // ripple: d/dx[−e^h] = e^h · (c/2) sin(cx)
        gradient[0] = coneSlope * x + ripple * 0.5 * FREQUENCY * Math.sin(FREQUENCY * x);
        gradient[1] = coneSlope * y + ripple * 0.5 * FREQUENCY * Math.sin(FREQUENCY * y);
        return value(x, y);
      },
      hessian(x, y, hessian) {
        let xx = 0;
        let xy = 0;
        let yy = 0;
        const rho = Math.sqrt(0.5 * (x * x + y * y));
        if (rho > 0) {
          // g(ρ) = −a e^(−bρ): g' = a b e^(−bρ), g'' = −a b² e^(−bρ);
          // ρ_x = x/(2ρ), ρ_xx = y²/(4ρ³), ρ_xy = −xy/(4ρ³), ρ_yy = x²/(4ρ³); H = g'' ∇ρ∇ρᵀ + g' ∇²ρ
          const decay = Math.exp(-DECAY * rho);
          const first = DEPTH * DECAY * decay;
          const second = -DEPTH * DECAY * DECAY * decay;
          const rhoX = x / (2 * rho);
          const rhoY = y / (2 * rho);
          const rhoCubed4 = 4 * rho * rho * rho;
          xx += second * rhoX * rhoX + (first * y * y) / rhoCubed4;
          xy += second * rhoX * rhoY - (first * x * y) / rhoCubed4;
          yy += second * rhoY * rhoY + (first * x * x) / rhoCubed4;
        }
        // −e^h: H = −e^h (∇h∇hᵀ + ∇²h), h_x = −(c/2) sin(cx), h_xx = −(c²/2) cos(cx)
        const ripple = Math.exp(0.5 * (Math.cos(FREQUENCY * x) + Math.cos(FREQUENCY * y)));
        const hX = -0.5 * FREQUENCY * Math.sin(FREQUENCY * x);
        const hY = -0.5 * FREQUENCY * Math.sin(FREQUENCY * y);
        const halfSquaredFrequency = 0.5 * FREQUENCY * FREQUENCY;
        xx -= ripple * (hX * hX - halfSquaredFrequency * Math.cos(FREQUENCY * x));
        xy -= ripple * hX * hY;
        yy -= ripple * (hY * hY - halfSquaredFrequency * Math.cos(FREQUENCY * y));
        writeHessian(hessian, xx, xy, yy);
      },
    });
  },
  nDimensional: {
    formula: String.raw`-20\,e^{-0.2\sqrt{\frac1n \sum_i x_i^2}} - e^{\frac1n \sum_i \cos 2\pi x_i} + e + 20`,
    minDimension: 1,
    maxDimension: MAX_SURFACE_DIMENSION,
    create(_values, dimension) {
      // ρ = √(Σxᵢ²/n), h = Σcos(cxᵢ)/n; f = −a e^(−bρ) − e^h + e + a
      const rhoOf = (point: ArrayLike<number>): number => {
        let sum = 0;
        for (let i = 0; i < dimension; i++) sum += point[i] * point[i];
        return Math.sqrt(sum / dimension);
      };
      const rippleOf = (point: ArrayLike<number>): number => {
        let sum = 0;
        for (let i = 0; i < dimension; i++) sum += Math.cos(FREQUENCY * point[i]);
        return Math.exp(sum / dimension);
      };
      const value = (point: ArrayLike<number>): number => -DEPTH * Math.exp(-DECAY * rhoOf(point)) - rippleOf(point) + Math.E + DEPTH;
      return vectorSurface({
        dimension,
        minima: [{ point: repeatedPoint(0, dimension), value: 0 }],
        value,
        valueAndGradient(point, gradient) {
          const rho = rhoOf(point);
          const ripple = rippleOf(point);
          // cone: ∂/∂xᵢ[−a e^(−bρ)] = a b e^(−bρ) · xᵢ/(nρ); subgradient 0 at ρ = 0
          const coneSlope = rho === 0 ? 0 : (DEPTH * DECAY * Math.exp(-DECAY * rho)) / (dimension * rho);
          for (let i = 0; i < dimension; i++) gradient[i] = coneSlope * point[i] + ripple * (FREQUENCY / dimension) * Math.sin(FREQUENCY * point[i]);
          return value(point);
        },
        addHessian(point, hessian) {
          const rho = rhoOf(point);
          if (rho > 0) {
            // H = g''(ρ) ∇ρ∇ρᵀ + g'(ρ) ∇²ρ, ρᵢ = xᵢ/(nρ), ρᵢⱼ = δᵢⱼ/(nρ) − xᵢxⱼ/(n²ρ³)
            const decay = Math.exp(-DECAY * rho);
            const first = DEPTH * DECAY * decay;
            const second = -DEPTH * DECAY * DECAY * decay;
            const n = dimension;
            for (let i = 0; i < n; i++) {
              for (let j = 0; j < n; j++) {
                const rhoI = point[i] / (n * rho);
                const rhoJ = point[j] / (n * rho);
                const rhoIJ = (i === j ? 1 / (n * rho) : 0) - (point[i] * point[j]) / (n * n * rho * rho * rho);
                hessian[i * n + j] += second * rhoI * rhoJ + first * rhoIJ;
              }
            }
          }
          // −e^h: H = −e^h (∇h∇hᵀ + ∇²h), hᵢ = −(c/n) sin(cxᵢ), hᵢᵢ = −(c²/n) cos(cxᵢ)
          const ripple = rippleOf(point);
          for (let i = 0; i < dimension; i++) {
            const hI = -(FREQUENCY / dimension) * Math.sin(FREQUENCY * point[i]);
            for (let j = 0; j < dimension; j++) {
              const hJ = -(FREQUENCY / dimension) * Math.sin(FREQUENCY * point[j]);
              const hIJ = i === j ? -((FREQUENCY * FREQUENCY) / dimension) * Math.cos(FREQUENCY * point[i]) : 0;
              hessian[i * dimension + j] -= ripple * (hI * hJ + hIJ);
            }
          }
        },
      });
    },
  },
};
