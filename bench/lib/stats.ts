/** Value at quantile q (0..1) of already sorted numbers, nearest-rank; NaN for an empty list. */
export function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank];
}

export interface LatencySummary {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  count: number;
}

export function summarise(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50: quantileSorted(sorted, 0.5),
    p95: quantileSorted(sorted, 0.95),
    p99: quantileSorted(sorted, 0.99),
    max: sorted.length > 0 ? sorted[sorted.length - 1] : Number.NaN,
    count: sorted.length,
  };
}

/** Median of repetitions: on a shared 2-core machine one run is noise, the middle of several is a figure. */
export function median(values: readonly number[]): number {
  const finite = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (finite.length === 0) return Number.NaN;
  const mid = Math.floor(finite.length / 2);
  return finite.length % 2 === 1 ? finite[mid] : (finite[mid - 1] + finite[mid]) / 2;
}

/** Element-wise median of latency summaries from several repetitions. */
export function medianSummary(runs: readonly LatencySummary[]): LatencySummary {
  return {
    p50: median(runs.map((r) => r.p50)),
    p95: median(runs.map((r) => r.p95)),
    p99: median(runs.map((r) => r.p99)),
    max: median(runs.map((r) => r.max)),
    count: runs.reduce((sum, r) => sum + r.count, 0),
  };
}

/** Keeps at most `capacity` samples, uniformly chosen (reservoir sampling), so long runs use bounded memory. */
export class Reservoir {
  readonly samples: number[] = [];
  private seen = 0;

  constructor(private readonly capacity = 200_000) {}

  add(value: number): void {
    this.seen += 1;
    if (this.samples.length < this.capacity) this.samples.push(value);
    else {
      const slot = Math.floor(Math.random() * this.seen);
      if (slot < this.capacity) this.samples[slot] = value;
    }
  }
}
