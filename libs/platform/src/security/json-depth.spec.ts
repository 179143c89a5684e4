import { jsonDepth } from './json-depth';

describe('jsonDepth', () => {
  it('counts nesting of objects and arrays; scalars are depth 0', () => {
    expect(jsonDepth('x')).toBe(0);
    expect(jsonDepth({})).toBe(1);
    expect(jsonDepth({ budget: { amount: '1.00' }, states: ['MN'] })).toBe(2);
    expect(jsonDepth([[[{ a: [1] }]]])).toBe(5);
  });

  it('walks 100,000 levels without overflowing the stack, and stops early past the limit', () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(jsonDepth(deep)).toBe(100_001);
    expect(jsonDepth(deep, 32)).toBe(33);
  });
});
