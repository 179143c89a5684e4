import { median, medianSummary, type LatencySummary } from './stats';

export interface Baseline {
  label: string;
  value: number;
  runs: number[];
  latencyMs?: LatencySummary;
}

/** One reported figure: the median over repetitions, with its raw baseline from the same run. */
export interface Figure {
  id: string;
  section: string;
  label: string;
  unit: string;
  value: number;
  runs: number[];
  latencyMs?: LatencySummary;
  baseline?: Baseline;
  /** Median of the per-repetition ratios value/baseline (pairs measured back to back). */
  ratio?: number;
  target?: {
    text: string;
    met: boolean;
    /** The same check on each repetition's own pair (value[i], baseline[i]). */
    perRep?: boolean[];
    /** What limits the figure and what would move it next: shown when the target is missed. */
    lever?: string;
  };
  notes: string[];
}

/** A target checked on the median figure and, with `rep`, on every repetition. */
export interface TargetSpec {
  text: string;
  test: (figure: Figure) => boolean;
  rep?: (value: number, baseline: number | undefined) => boolean;
  lever?: string;
}

/** Shorthand for the common targets: ratio ≥ x, or value ≤ / ≥ a bound. */
export const targets = {
  ratioAtLeast: (min: number, lever?: string): TargetSpec => ({
    text: `ratio ≥ ${min}`,
    test: (f) => (f.ratio ?? 0) >= min,
    rep: (v, b) => b !== undefined && v / b >= min,
    lever,
  }),
  atMost: (max: number, unit: string, lever?: string): TargetSpec => ({
    text: `≤ ${max} ${unit}`,
    test: (f) => f.value <= max,
    rep: (v) => v <= max,
    lever,
  }),
};

export interface NotMeasured {
  section: string;
  label: string;
  why: string;
}

/** Collects figures, gaps and peak RSS per process role while the scenarios run. */
export class Results {
  readonly figures: Figure[] = [];
  readonly notMeasured: NotMeasured[] = [];
  readonly peakRssMiB: Record<string, number> = {};
  readonly settings: Record<string, unknown> = {};
  /** SVG charts by name (curves of cost over data size), written beside the report. */
  readonly charts: Record<string, { title: string; svg: string }> = {};

  add(figure: Figure): Figure {
    this.figures.push(figure);
    return figure;
  }

  missing(section: string, label: string, why: string): void {
    this.notMeasured.push({ section, label, why });
  }

  rss(role: string, mib: number): void {
    this.peakRssMiB[role] = Math.max(this.peakRssMiB[role] ?? 0, mib);
  }
}

/** Builds a figure from paired repetitions (value[i] and baseline[i] measured in the same repetition). */
export function pairedFigure(input: {
  id: string;
  section: string;
  label: string;
  unit: string;
  runs: number[];
  latencies?: LatencySummary[];
  baseline?: { label: string; runs: number[]; latencies?: LatencySummary[] };
  target?: TargetSpec;
  notes?: string[];
  /** For a reference that is not a like-for-like baseline, where a ratio would mislead. */
  noRatio?: boolean;
}): Figure {
  const figure: Figure = {
    id: input.id,
    section: input.section,
    label: input.label,
    unit: input.unit,
    value: median(input.runs),
    runs: input.runs,
    latencyMs: input.latencies && input.latencies.length > 0 ? medianSummary(input.latencies) : undefined,
    notes: input.notes ?? [],
  };
  if (input.baseline) {
    const b = input.baseline;
    figure.baseline = {
      label: b.label,
      value: median(b.runs),
      runs: b.runs,
      latencyMs: b.latencies && b.latencies.length > 0 ? medianSummary(b.latencies) : undefined,
    };
    if (!input.noRatio) figure.ratio = median(input.runs.map((v, i) => v / b.runs[i]));
  }
  if (input.target) {
    const { text, test, rep, lever } = input.target;
    figure.target = { text, met: test(figure), lever };
    if (rep) figure.target.perRep = input.runs.map((v, i) => rep(v, input.baseline?.runs[i]));
  }
  return figure;
}
