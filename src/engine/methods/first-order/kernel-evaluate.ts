// Kernel IR expressions (kernel.ts) evaluated in float64 with the semantics of kernel-interpreter.ts:
// for the GPU's step table and constant folding before a shader, and for the step inspector's trace.
import { power } from '../../power';
import { operands, type KernelExpr } from './kernel';

/** A kernel expression in float64, as kernel-interpreter.ts computes it. */
export function evaluateKernelExpression(expression: KernelExpr, read: (name: string) => number): number {
  const evaluate = (part: KernelExpr) => evaluateKernelExpression(part, read);
  switch (expression.op) {
    case 'const':
      return expression.value;
    case 'ref':
      return read(expression.name);
    case 'add':
      return evaluate(expression.a) + evaluate(expression.b);
    case 'sub':
      return evaluate(expression.a) - evaluate(expression.b);
    case 'mul':
      return evaluate(expression.a) * evaluate(expression.b);
    case 'div':
      return evaluate(expression.a) / evaluate(expression.b);
    case 'pow':
      return power(evaluate(expression.a), evaluate(expression.b));
    case 'min':
      return Math.min(evaluate(expression.a), evaluate(expression.b));
    case 'max':
      return Math.max(evaluate(expression.a), evaluate(expression.b));
    case 'neg':
      return -evaluate(expression.a);
    case 'sqrt':
      return Math.sqrt(evaluate(expression.a));
    case 'abs':
      return Math.abs(evaluate(expression.a));
    case 'sign':
      return Math.sign(evaluate(expression.a));
    case 'exp':
      return Math.exp(evaluate(expression.a));
    case 'log':
      return Math.log(evaluate(expression.a));
    case 'select': {
      const holds = compareKernelValues(expression.compare, evaluate(expression.a), evaluate(expression.b));
      return holds ? evaluate(expression.then) : evaluate(expression.otherwise);
    }
  }
}

/** Whether `holds`: a select's comparison of two values, as kernel-interpreter.ts makes it. */
export function compareKernelValues(compare: '<' | '<=' | '>' | '>=' | '==', a: number, b: number): boolean {
  return { '<': a < b, '<=': a <= b, '>': a > b, '>=': a >= b, '==': a === b }[compare];
}

/** True when every name `expression` reads has a value from `known`. */
export function isKnownExpression(expression: KernelExpr, known: (name: string) => number | undefined): boolean {
  if (expression.op === 'ref') return known(expression.name) !== undefined;
  return operands(expression).every((part) => isKnownExpression(part, known));
}
