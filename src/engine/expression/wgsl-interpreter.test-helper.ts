// For tests only: an interpreter for the straight-line subset of WGSL that the emitters write
// (engine/expression/wgsl.ts, src/gpu/kernel-wgsl.ts): `let`, `var` and assignment statements,
// `{ }` blocks, and expressions of + - * /, unary minus, comparisons, calls and select. It runs them
// in emulated float32 (Math.fround after every operation) with the prelude's helpers written here
// in TypeScript, so the emitted code can be held to the float64 engine without a GPU.
import { power } from '../power';

const f32 = Math.fround;

/** WGSL built-ins and the prelude's helpers, in float32 (booleans as 1 and 0). */
const FUNCTIONS: Readonly<Record<string, (...args: number[]) => number>> = {
  sin: (u) => f32(Math.sin(u)),
  cos: (u) => f32(Math.cos(u)),
  tan: (u) => f32(Math.tan(u)),
  asin: (u) => f32(Math.asin(u)),
  acos: (u) => f32(Math.acos(u)),
  atan: (u) => f32(Math.atan(u)),
  sinh: (u) => f32(Math.sinh(u)),
  cosh: (u) => f32(Math.cosh(u)),
  exp: (u) => f32(Math.exp(u)),
  log: (u) => f32(Math.log(u)),
  sqrt: (u) => f32(Math.sqrt(u)),
  abs: Math.abs,
  f32: f32,
  expressionSin: (u) => f32(Math.sin(u)),
  expressionCos: (u) => f32(Math.cos(u)),
  expressionTan: (u) => f32(Math.tan(u)),
  expressionTanh: (u) => f32(Math.tanh(u)),
  expressionSinh: (u) => f32(Math.sinh(u)),
  expressionCosh: (u) => f32(Math.cosh(u)),
  expressionAcos: (u) => f32(Math.acos(u)),
  ieeeMinimum: Math.min,
  ieeeMaximum: Math.max,
  ieeeSign: Math.sign,
  expressionPower: (base, exponent) => f32(power(base, exponent)),
  expressionNan: () => NaN,
  expressionInfinity: () => Infinity,
  select: (whenFalse, whenTrue, condition) => (condition ? whenTrue : whenFalse),
};

/** Runs WGSL statements (one per line) over `values`, which it updates; returns the last `return` line's values, if any. */
export function runWgslStatements(lines: readonly string[], values: Map<string, number>): number[] | null {
  for (const line of lines) {
    const text = line.trim();
    if (text === '{' || text === '}' || text === '') continue;
    const declaration = /^(?:let|var) (\w+) = (.*);$/.exec(text);
    if (declaration) {
      values.set(declaration[1], evaluateWgsl(declaration[2], values));
      continue;
    }
    const assignment = /^(\w+) = (.*);$/.exec(text);
    if (assignment) {
      if (!values.has(assignment[1])) throw new Error(`${assignment[1]} assigned before it is declared: ${text}`);
      values.set(assignment[1], evaluateWgsl(assignment[2], values));
      continue;
    }
    const returned = /^return vec\d<f32>\((.*)\);$/.exec(text);
    if (returned) return splitArguments(returned[1]).map((argument) => evaluateWgsl(argument, values));
    throw new Error(`not in the interpreted subset: ${text}`);
  }
  return null;
}

/** Runs `fn name(x: f32, y: f32) -> vec3<f32> { … }` (objectiveWgslFunction's output) at (x, y). */
export function runWgslObjective(code: string, x: number, y: number): number[] {
  const result = runWgslStatements(code.split('\n').slice(1, -1), new Map([['x', f32(x)], ['y', f32(y)]]));
  if (result === null) throw new Error('no return');
  return result;
}

function splitArguments(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth--;
    else if (text[i] === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

const TOKEN = /\d+(?:\.\d*)?(?:e[+-]?\d+)?f|\d+|[A-Za-z_]\w*|<=|>=|==|[-+*/(),<>]/g;

/** Evaluates one WGSL expression in float32. */
export function evaluateWgsl(text: string, values: ReadonlyMap<string, number>): number {
  const tokens = text.match(TOKEN) ?? [];
  if (tokens.join('').length !== text.replace(/\s/g, '').length) throw new Error(`cannot tokenize ${text}`);
  let position = 0;
  const peek = () => tokens[position];
  const next = () => tokens[position++];
  const comparison = (): number => {
    const left = sum();
    const operator = peek();
    if (operator === '<' || operator === '>' || operator === '<=' || operator === '>=' || operator === '==') {
      next();
      const right = sum();
      const holds = { '<': left < right, '>': left > right, '<=': left <= right, '>=': left >= right, '==': left === right }[operator];
      return holds ? 1 : 0;
    }
    return left;
  };
  const sum = (): number => {
    let value = product();
    while (peek() === '+' || peek() === '-') value = next() === '+' ? f32(value + product()) : f32(value - product());
    return value;
  };
  const product = (): number => {
    let value = unary();
    while (peek() === '*' || peek() === '/') value = next() === '*' ? f32(value * unary()) : f32(value / unary());
    return value;
  };
  const unary = (): number => {
    if (peek() !== '-') return primary();
    next();
    return -unary();
  };
  const primary = (): number => {
    const token = next();
    if (token === '(') {
      const value = comparison();
      if (next() !== ')') throw new Error(`unbalanced ${text}`);
      return value;
    }
    // WGSL rounds a literal to the nearest float32
    if (/^\d/.test(token)) return f32(Number(token.replace(/f$/, '')));
    if (peek() === '(') {
      next();
      const args: number[] = [];
      while (peek() !== ')') {
        args.push(comparison());
        if (peek() === ',') next();
      }
      next();
      const apply = FUNCTIONS[token];
      if (!apply) throw new Error(`unknown function ${token}`);
      return apply(...args);
    }
    const value = values.get(token);
    if (value === undefined) throw new Error(`${token} is not defined in ${text}`);
    return value;
  };
  const value = comparison();
  if (position !== tokens.length) throw new Error(`trailing tokens in ${text}`);
  return value;
}
