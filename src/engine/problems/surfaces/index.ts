import { ackley } from './ackley';
import { beale } from './beale';
import { booth } from './booth';
import { goldsteinPrice } from './goldstein-price';
import { himmelblau } from './himmelblau';
import { illConditioned } from './ill-conditioned';
import { levi13 } from './levi-13';
import { matyas } from './matyas';
import { monkeySaddle } from './monkey-saddle';
import { plateauCliff } from './plateau-cliff';
import { quadratic } from './quadratic';
import { rastrigin } from './rastrigin';
import { rosenbrock } from './rosenbrock';
import { saddle } from './saddle';
import { sixHumpCamel } from './six-hump-camel';
import { styblinskiTang } from './styblinski-tang';
import { threeHumpCamel } from './three-hump-camel';
import type { SurfaceDefinition } from './surface';

export type { Surface, SurfaceDefinition, SurfaceGroup, SurfaceParameter, SurfaceParameterValues } from './surface';

/** Every built-in surface, in picker order: convex, valleys, multimodal, saddles. */
export const SURFACES: readonly SurfaceDefinition[] = [
  quadratic,
  illConditioned,
  booth,
  matyas,
  rosenbrock,
  beale,
  himmelblau,
  threeHumpCamel,
  sixHumpCamel,
  goldsteinPrice,
  rastrigin,
  ackley,
  styblinskiTang,
  levi13,
  saddle,
  monkeySaddle,
  plateauCliff,
];

const BY_ID = new Map(SURFACES.map((surface) => [surface.id, surface]));

/** The built-in surface with this id, if there is one. */
export function getSurface(id: string): SurfaceDefinition | undefined {
  return BY_ID.get(id);
}
