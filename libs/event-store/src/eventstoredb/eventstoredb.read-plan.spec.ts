import { toReadStreamPlan } from './eventstoredb.read-plan';

const included = (plan: ReturnType<typeof toReadStreamPlan>, revisions: number[]) =>
  revisions.filter((r) => plan.includes(r));

describe('reading a stream range from the server', () => {
  it('reads the whole stream forwards by default', () => {
    const plan = toReadStreamPlan({});
    expect(plan).toMatchObject({ backwards: false, from: 0, maxCount: undefined });
    expect(included(plan, [0, 1, 1000])).toEqual([0, 1, 1000]);
  });

  it('asks only for the span between both inclusive bounds going forwards', () => {
    const plan = toReadStreamPlan({ fromRevision: 2, toRevision: 4 });
    expect(plan).toMatchObject({ from: 2, maxCount: 3 });
    expect(included(plan, [1, 2, 3, 4, 5])).toEqual([2, 3, 4]);
  });

  it('reads backwards from the head down to revision 0 by default', () => {
    const plan = toReadStreamPlan({ direction: 'backwards' });
    expect(plan).toMatchObject({ backwards: true, from: 'end', maxCount: undefined });
    expect(included(plan, [9, 0])).toEqual([9, 0]);
  });

  it('reads backwards from fromRevision down to toRevision', () => {
    const plan = toReadStreamPlan({ direction: 'backwards', fromRevision: 5, toRevision: 3 });
    expect(plan).toMatchObject({ from: 5, maxCount: 3 });
    expect(included(plan, [6, 5, 4, 3, 2])).toEqual([5, 4, 3]);
  });

  it('lets maxCount cap the span, and asks for nothing when the bounds are crossed', () => {
    expect(toReadStreamPlan({ fromRevision: 0, toRevision: 9, maxCount: 2 }).maxCount).toBe(2);
    expect(toReadStreamPlan({ fromRevision: 5, toRevision: 3 }).maxCount).toBe(0);
  });

  it('asks for nothing when maxCount is zero or negative', () => {
    expect(toReadStreamPlan({ maxCount: 0 }).maxCount).toBe(0);
    expect(toReadStreamPlan({ direction: 'backwards', maxCount: -1 }).maxCount).toBe(0);
  });
});
