/**
 * `LEDGER_HEAVY_TESTS=1` (set by CI) runs the fault suites at full size; the default `npm test` runs a
 * lighter version of the same scenario so the whole suite stays fast on a 2-core machine.
 */
export const HEAVY = process.env.LEDGER_HEAVY_TESTS === '1';

export const scaled = <T>(light: T, heavy: T): T => (HEAVY ? heavy : light);

/** One line per fault test, easy to grep from CI logs into docs/reliability.md. */
export function reportFigures(test: string, figures: Record<string, string | number>): void {
  const text = Object.entries(figures)
    .map(([name, value]) => `${name}=${value}`)
    .join(' ');
  console.log(`[fault-figures] ${test} (${HEAVY ? 'heavy' : 'light'}): ${text}`);
}
