import type { Lesson } from '../lesson';
import { momentumRavine } from './momentum-ravine';
import { learningRateTooLarge } from './learning-rate-too-large';
import { conditionNumber } from './condition-number';
import { saddleAdaptive } from './saddle-adaptive';
import { noiseEscape } from './noise-escape';
import { schedules } from './schedules';
import { adamAdamw } from './adam-adamw';
import { newtonQuadratic } from './newton-quadratic';
import { newtonNonconvex } from './newton-nonconvex';
import { leastSquares } from './least-squares';
import { miniBatch } from './mini-batch';
import { nelderMead } from './nelder-mead';
import { cmaEsEllipse } from './cma-es-ellipse';
import { rastriginEvaluations } from './rastrigin-evaluations';
import { mezoBackprop } from './mezo-backprop';

/** Every lesson, in the order the menu lists them (each builds on the ones before). */
export const LESSONS: readonly Lesson[] = [
  learningRateTooLarge,
  conditionNumber,
  momentumRavine,
  saddleAdaptive,
  noiseEscape,
  schedules,
  miniBatch,
  adamAdamw,
  newtonQuadratic,
  newtonNonconvex,
  leastSquares,
  nelderMead,
  cmaEsEllipse,
  rastriginEvaluations,
  mezoBackprop,
];

/** The lesson with this id, if any. */
export function getLesson(id: string): Lesson | undefined {
  return LESSONS.find((lesson) => lesson.id === id);
}
