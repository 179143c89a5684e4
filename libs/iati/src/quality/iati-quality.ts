import { activityTreesOf } from '../import/iati-stream.reader';
import type { XmlTree } from '../xml/xml-tree';
import { QUALITY_TESTS, type QualityGroup } from './iati-quality.tests';

export interface ProjectQuality {
  iatiIdentifier: string;
  publisher: string;
  /** Current (live) activities are the ones the Dashboard scores. */
  current: boolean;
  /** Tests of the Dashboard's comprehensiveness methodology that fail, by id and name. */
  failing: { id: string; group: QualityGroup; name: string }[];
  /** Per year (this year and the next two, while the activity runs): is there a budget for it? */
  forwardLooking: Record<string, boolean>;
  timeliness: { lastTransactionDate: string | null; daysSince: number | null; lag: TimeLag };
}

export type TimeLag =
  'one month' | 'a quarter' | 'six months' | 'one year' | 'more than one year' | 'no transactions';

export interface PublisherQuality {
  publisher: string;
  activities: number;
  current: number;
  /** Share (0-100, one decimal) of tests passed by current activities, per group. */
  comprehensiveness: Record<QualityGroup, number>;
  /** Share (0-100) of current activities running in a year that have a budget for it. */
  forwardLooking: Record<string, number>;
  timeliness: { lastTransactionDate: string | null; lag: TimeLag };
}

export interface QualityReport {
  asOf: string;
  publishers: PublisherQuality[];
  projects: ProjectQuality[];
}

const DAY = 86_400_000;
const all = (a: XmlTree, name: string) => a.children.filter((c) => c.name === name);
const one = (a: XmlTree | undefined, name: string) => a?.children.find((c) => c.name === name);
const dateOf = (a: XmlTree, type: string) =>
  all(a, 'activity-date').find((d) => d.attrs.type === type)?.attrs['iso-date'] ?? null;
const endOf = (a: XmlTree) => dateOf(a, '4') ?? dateOf(a, '3');

/** Live: in implementation, or (other statuses) ending this year or later, or without an end date. */
function isCurrent(a: XmlTree, year: number): boolean {
  const status = one(a, 'activity-status')?.attrs.code;
  if (status === '2') return true;
  if (status === '3' || status === '4' || status === '5') return false;
  const end = endOf(a);
  return end === null || Number(end.slice(0, 4)) >= year;
}

function lagOf(days: number | null): TimeLag {
  if (days === null) return 'no transactions';
  if (days <= 31) return 'one month';
  if (days <= 92) return 'a quarter';
  if (days <= 183) return 'six months';
  if (days <= 366) return 'one year';
  return 'more than one year';
}

function projectQuality(a: XmlTree, today: string): ProjectQuality {
  const year = Number(today.slice(0, 4));
  const failing = QUALITY_TESTS.filter((t) => (t.applies?.(a, today) ?? true) && !t.passes(a)).map(
    ({ id, group, name }) => ({ id, group, name }),
  );
  const end = endOf(a);
  const forwardLooking: Record<string, boolean> = {};
  for (const y of [year, year + 1, year + 2]) {
    if (end !== null && Number(end.slice(0, 4)) < y) continue;
    forwardLooking[String(y)] = all(a, 'budget').some((b) => {
      const start = one(b, 'period-start')?.attrs['iso-date'] ?? '';
      const stop = one(b, 'period-end')?.attrs['iso-date'] ?? '';
      return start <= `${y}-12-31` && stop >= `${y}-01-01`;
    });
  }
  const dates = all(a, 'transaction')
    .map((t) => one(t, 'transaction-date')?.attrs['iso-date'] ?? '')
    .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && d <= today)
    .sort();
  const last = dates.length > 0 ? dates[dates.length - 1] : null;
  const daysSince = last === null ? null : Math.round((Date.parse(today) - Date.parse(last)) / DAY);
  return {
    iatiIdentifier: one(a, 'iati-identifier')?.text ?? '',
    publisher: one(a, 'reporting-org')?.attrs.ref ?? '',
    current: isCurrent(a, year),
    failing,
    forwardLooking,
    timeliness: { lastTransactionDate: last, daysSince, lag: lagOf(daysSince) },
  };
}

const share = (passed: number, total: number) => (total === 0 ? 0 : Math.round((passed / total) * 1000) / 10);

function publisherQuality(
  publisher: string,
  activities: XmlTree[],
  projects: ProjectQuality[],
  today: string,
) {
  const current = projects.map((p, i) => ({ p, a: activities[i] })).filter((x) => x.p.current);
  const comprehensiveness = {} as Record<QualityGroup, number>;
  for (const group of ['core', 'financials', 'value-added'] as const) {
    const tests = QUALITY_TESTS.filter((t) => t.group === group);
    let applicable = 0;
    let passed = 0;
    for (const { a } of current)
      for (const t of tests)
        if (t.applies?.(a, today) ?? true) {
          applicable++;
          if (t.passes(a)) passed++;
        }
    comprehensiveness[group] = share(passed, applicable);
  }
  const forwardLooking: Record<string, number> = {};
  const year = Number(today.slice(0, 4));
  for (const y of [year, year + 1, year + 2].map(String)) {
    const running = current.filter(({ p }) => y in p.forwardLooking);
    forwardLooking[y] = share(running.filter(({ p }) => p.forwardLooking[y]).length, running.length);
  }
  const lasts = projects.flatMap((p) => p.timeliness.lastTransactionDate ?? []).sort();
  const last = lasts.length > 0 ? lasts[lasts.length - 1] : null;
  return {
    publisher,
    activities: projects.length,
    current: current.length,
    comprehensiveness,
    forwardLooking,
    timeliness: {
      lastTransactionDate: last,
      lag: lagOf(last === null ? null : Math.round((Date.parse(today) - Date.parse(last)) / DAY)),
    },
  };
}

/**
 * Scores an iati-activities document (what the ledger would publish) the way the IATI Dashboard scores a
 * publisher: comprehensiveness (core, financials, value added), forward-looking budgets for this year and
 * the next two, and timeliness from transaction dates; per publisher and per activity, naming failing tests.
 */
export function scoreIatiQuality(xml: string, now: Date): QualityReport {
  const today = now.toISOString().slice(0, 10);
  const activities = activityTreesOf(xml);
  const projects = activities.map((a) => projectQuality(a, today));
  const publishers = [...new Set(projects.map((p) => p.publisher))].sort().map((publisher) => {
    const mine = projects.map((p, i) => ({ p, a: activities[i] })).filter((x) => x.p.publisher === publisher);
    return publisherQuality(
      publisher,
      mine.map((x) => x.a),
      mine.map((x) => x.p),
      today,
    );
  });
  return { asOf: today, publishers, projects };
}
