import { describe, expect, it } from 'vitest';
import { METHOD_SPECS, getMethodSpec } from './catalogue';
import { METHODS } from '.';

describe('the method catalogue', () => {
  it('lists every method of the registry, in its order, with the same spec', () => {
    expect(METHOD_SPECS.map((spec) => spec.id)).toEqual(METHODS.map((method) => method.id));
    for (const method of METHODS) {
      const { create: _create, ...spec } = method;
      expect(getMethodSpec(method.id)).toEqual(spec);
      expect(getMethodSpec(method.id)!.validate).toBe(method.validate);
    }
    expect(getMethodSpec('no such method')).toBeUndefined();
  });
});
