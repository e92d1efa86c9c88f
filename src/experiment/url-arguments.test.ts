import { describe, expect, test } from 'vitest';
import type { HyperSpec } from '../engine/methods/hyperparameters';
import { readArguments } from './url-arguments';
import { parseCall, type CallArgument } from './url-grammar';

// Oracle: specs and messages written out by hand; each argument's fate is decided alone.

const SPECS: readonly HyperSpec[] = [
  { kind: 'number', name: 'lr', defaultValue: 0.001, min: 0, max: 10, exclusiveMin: true, description: 'learning rate' },
  { kind: 'pair', name: 'betas', defaultValue: [0.9, 0.999], min: 0, max: 1, exclusiveMax: true, description: 'decay rates' },
  { kind: 'boolean', name: 'amsgrad', defaultValue: false, description: 'AMSGrad' },
  { kind: 'number', name: 'steps', defaultValue: 10, min: 1, max: 100, integer: true, description: 'a whole number' },
];

function argumentsOf(text: string): readonly CallArgument[] {
  const call = parseCall(text);
  if (!call.ok) throw new Error(call.error);
  return call.value.args;
}

describe('readArguments', () => {
  test('good arguments of every kind are read as their kind', () => {
    expect(readArguments(argumentsOf('f(lr=0.05,betas=0.8/0.99,amsgrad=true,steps=3)'), SPECS, { owner: 'Adam', path: '' })).toEqual({
      values: { lr: 0.05, betas: [0.8, 0.99], amsgrad: true, steps: 3 },
      problems: [],
    });
  });

  test('each bad argument falls back to its default alone, named by its path', () => {
    const { values, problems } = readArguments(argumentsOf('f(lr=abc,betas=0.9,amsgrad=1,steps=2.5)'), SPECS, { owner: 'Adam', path: '' });
    expect(values).toEqual({});
    expect(problems).toEqual([
      "lr: 'abc' is not a number; using the default 0.001",
      "betas: '0.9' is not a pair of numbers like 0.9/0.999; using the default 0.9/0.999",
      "amsgrad: '1' is not true or false; using the default false",
      'steps must be a whole number, got 2.5; using the default 10',
    ]);
    expect(readArguments(argumentsOf('f(lr=0,betas=0.9/1,steps=7)'), SPECS, { owner: 'cosine', path: 'schedule' })).toEqual({
      values: { steps: 7 },
      problems: ['schedule.lr must be > 0, got 0; using the default 0.001', 'schedule.betas[1] must be < 1, got 1; using the default 0.9/0.999'],
    });
  });

  test('unknown and unnamed arguments are ignored; a repeated one reads the last', () => {
    expect(readArguments(argumentsOf('f(lrr=1,0.1,xyzzy=2,lr=0.1,lr=0.2)'), SPECS, { owner: 'Adam', path: 'hyper' })).toEqual({
      values: { lr: 0.2 },
      problems: [
        "hyper: Adam has no parameter 'lrr' (did you mean 'lr'?); ignored",
        "hyper: '0.1' has no name (write it as lr=0.1); ignored",
        "hyper: Adam has no parameter 'xyzzy' (it takes lr, betas, amsgrad, steps); ignored",
        'hyper.lr: given twice; reading the last',
      ],
    });
    expect(readArguments(argumentsOf('constant(gamma=1)'), [], { owner: 'constant', path: 'schedule' }).problems).toEqual([
      "schedule: constant has no parameter 'gamma' (it takes none); ignored",
    ]);
  });
});
