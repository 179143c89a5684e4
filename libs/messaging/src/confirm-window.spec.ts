import fc from 'fast-check';
import { ConfirmWindow } from './confirm-window';

describe('ConfirmWindow', () => {
  it('never offers a checkpoint past an unconfirmed message, whatever order confirms arrive in', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 60 }),
        fc.func(fc.boolean()),
        (rawPositions, confirmIt) => {
          const positions = [...rawPositions].sort((a, b) => a - b);
          const window = new ConfirmWindow(0, 1000);
          positions.forEach((p) => window.track(p));
          const confirmed = new Set(positions.filter((p) => confirmIt(p)));
          [...confirmed].reverse().forEach((p) => window.confirm(p));
          const safe = window.safeCheckpoint();
          for (const p of positions) if (p <= safe) expect(confirmed.has(p)).toBe(true);
          const firstGap = positions.find((p) => !confirmed.has(p));
          const expected =
            firstGap === undefined
              ? positions[positions.length - 1]
              : (positions.filter((p) => p < firstGap).pop() ?? 0);
          expect(safe).toBe(expected);
        },
      ),
    );
  });

  it('counts a message against the window until its checkpoint is stored, not merely confirmed', () => {
    const window = new ConfirmWindow(10, 2);
    window.track(11);
    window.track(14);
    expect(window.isFull).toBe(true);
    window.confirm(11);
    window.confirm(14);
    expect(window.isFull).toBe(true);
    expect(window.safeCheckpoint()).toBe(14);
    window.release(14);
    expect(window.size).toBe(0);
    expect(window.safeCheckpoint()).toBe(14);
  });

  it('rejects positions published out of log order', () => {
    const window = new ConfirmWindow(5, 4);
    expect(() => window.track(5)).toThrow(RangeError);
    window.track(6);
    expect(() => window.track(6)).toThrow(/out of order/);
  });
});
