import type { Objective } from '../objective';
import { noResidualsMessage } from './least-squares/residuals';
import type { MethodDefinition } from './method';

/**
 * Why `method` cannot run on `objective`, or null: a method that needs residuals on a problem that is
 * not least squares. (A missing Hessian is only known when it is asked for: the objective throws.)
 */
export function unmetNeed(method: Pick<MethodDefinition, 'id' | 'needs'>, objective: Objective): string | null {
  if (method.needs.residuals === true && objective.leastSquares === undefined) return noResidualsMessage(method.id);
  return null;
}
