// A formula's syntax tree as Python: torch ops for the PyTorch script (autograd differentiates
// them), NumPy for the SciPy script (which takes the symbolic gradient and Hessian printed the same
// way). Every operation is parenthesised: Python's precedence (-x**2 is -(x**2)) never decides.
import type { Expr, FunctionName } from '../../engine/expression';

/** Which library the printed expression calls. */
export type PythonLibrary = 'torch' | 'numpy';

const PREFIX: Readonly<Record<PythonLibrary, string>> = { torch: 'torch', numpy: 'np' };

/** Python's name for each unary function (the same in torch and NumPy but for the inverse trigonometric ones). */
const UNARY_NAMES: Readonly<Record<Exclude<FunctionName, 'min' | 'max'>, Readonly<Record<PythonLibrary, string>>>> = {
  sin: { torch: 'sin', numpy: 'sin' },
  cos: { torch: 'cos', numpy: 'cos' },
  tan: { torch: 'tan', numpy: 'tan' },
  asin: { torch: 'asin', numpy: 'arcsin' },
  acos: { torch: 'acos', numpy: 'arccos' },
  atan: { torch: 'atan', numpy: 'arctan' },
  sinh: { torch: 'sinh', numpy: 'sinh' },
  cosh: { torch: 'cosh', numpy: 'cosh' },
  tanh: { torch: 'tanh', numpy: 'tanh' },
  exp: { torch: 'exp', numpy: 'exp' },
  log: { torch: 'log', numpy: 'log' },
  sqrt: { torch: 'sqrt', numpy: 'sqrt' },
  abs: { torch: 'abs', numpy: 'abs' },
};

/**
 * A float64 literal Python reads back to the same bits: JavaScript's shortest round-trip text
 * ("0.1", "1e-7", "1e+21") is valid Python; negatives are parenthesised.
 */
export function pythonNumber(value: number): string {
  if (Number.isNaN(value)) return "float('nan')";
  if (!Number.isFinite(value)) return value > 0 ? "float('inf')" : "float('-inf')";
  const text = Object.is(value, -0) ? '-0.0' : String(value);
  // a float literal, never an int: 2 ** -1 is 0.5 either way, but 7 // 2 style surprises stay out
  const literal = /[.e]/.test(text) ? text : `${text}.0`;
  return value < 0 || Object.is(value, -0) ? `(${literal})` : literal;
}

/** The expression as Python over the variables named `x` and `y` (Python expressions themselves). */
export function pythonExpression(expr: Expr, library: PythonLibrary, variables: { readonly x: string; readonly y: string }): string {
  const prefix = PREFIX[library];
  // torch's functions take tensors only, and a constant subexpression (sin(pi)) is a Python float
  const tensor = (text: string) => (library === 'torch' ? `torch.as_tensor(${text})` : text);
  const print = (node: Expr): string => {
    switch (node.type) {
      case 'number':
        return pythonNumber(node.value);
      case 'variable':
        return variables[node.name];
      case 'constant':
        return node.name === 'pi' ? 'math.pi' : 'math.e';
      case 'negate':
        return `(-${print(node.operand)})`;
      case 'binary': {
        const operator = node.operator === '^' ? '**' : node.operator;
        return `(${print(node.left)} ${operator} ${print(node.right)})`;
      }
      case 'call': {
        if (node.name === 'min' || node.name === 'max') {
          // torch.minimum/np.minimum take two: fold left, as the engine does
          const fold = `${prefix}.${node.name === 'min' ? 'minimum' : 'maximum'}`;
          return node.args.map((argument) => tensor(print(argument))).reduce((left, right) => `${fold}(${left}, ${right})`);
        }
        return `${prefix}.${UNARY_NAMES[node.name][library]}(${tensor(print(node.args[0]))})`;
      }
      case 'sign':
        return `${prefix}.sign(${print(node.operand)})`;
      case 'select':
        return `${prefix}.where(${tensor(print(node.left))} ${node.comparison} ${print(node.right)}, ${tensor(print(node.whenTrue))}, ${tensor(print(node.whenFalse))})`;
    }
  };
  return print(expr);
}
