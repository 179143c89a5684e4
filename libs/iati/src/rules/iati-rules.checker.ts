import Decimal from 'decimal.js';
import { DOMParser } from '@xmldom/xmldom';
import * as xpath from 'xpath';
import standard from './vendor/standard.json';

/** One rule of the vendored IATI ruleset: its id, severity and message as the IATI validator shows them. */
export interface RuleInfo {
  id: string;
  severity: 'error' | 'warning' | string;
  category: string;
  message: string;
}

interface RuleCase {
  [key: string]: unknown;
  ruleInfo: RuleInfo;
}
type Ruleset = Record<string, Record<string, { cases: RuleCase[] }>>;

/** A rule an activity breaks. */
export interface RuleFailure extends RuleInfo {
  /** The activity's iati-identifier (or its position in the file). */
  activity: string;
  /** The ruleset's context path, e.g. /iati-activities/iati-activity/budget. */
  context: string;
}

type Node = Parameters<typeof xpath.select>[1];
const select = xpath.useNamespaces({ xml: 'http://www.w3.org/XML/1998/namespace' });
const nodes = (expression: string, node: Node): Node[] => {
  const r = select(expression, node);
  return Array.isArray(r) ? (r as Node[]) : [];
};
const truthy = (expression: string, node: Node): boolean => {
  const r = select(expression, node);
  if (Array.isArray(r)) return r.length > 0;
  return typeof r === 'string' ? r !== '' : typeof r === 'number' ? r !== 0 && !Number.isNaN(r) : Boolean(r);
};
const textOf = (n: Node): string => {
  const node = n as { nodeType: number; nodeValue: string | null; textContent: string | null };
  return (node.nodeType === 1 ? node.textContent : node.nodeValue) ?? '';
};
const texts = (paths: string[], node: Node): string[] => paths.flatMap((p) => nodes(p, node).map(textOf));
const DATE = /^(-?\d{4,})-(\d{2})-(\d{2})/;

/**
 * Evaluates rules the way the IATI validator's ruleset engine does (the rule types of
 * IATI-Rulesets/SPEC.rst). A result of null means "does not apply" (a condition is false or a date is
 * missing), which is not a failure.
 */
class RuleTypes {
  constructor(
    private readonly now: Date,
    private readonly evaluate: (rule: string, el: Node, c: RuleCase) => boolean | null,
  ) {}

  private date(expression: string, el: Node): string | null {
    if (expression === 'NOW' || expression === 'TODAY') return this.now.toISOString().slice(0, 10);
    const found = nodes(expression, el)[0];
    const m = found ? DATE.exec(textOf(found).trim()) : null;
    return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
  }

  run(rule: string, el: Node, c: RuleCase): boolean | null {
    const paths = (c.paths as string[] | undefined) ?? [];
    switch (rule) {
      case 'no_more_than_one':
        return paths.flatMap((p) => nodes(p, el)).length <= 1;
      case 'atleast_one':
        return paths.flatMap((p) => nodes(p, el)).length >= 1;
      case 'unique': {
        const values = texts(paths, el);
        return new Set(values).size === values.length;
      }
      case 'strict_sum':
      case 'sum': {
        const values = texts(paths, el);
        if (rule === 'sum' && values.length === 0) return true;
        try {
          return values.reduce((a, v) => a.plus(new Decimal(v.trim())), new Decimal(0)).eq(c.sum as number);
        } catch {
          return false;
        }
      }
      case 'range':
        return texts(paths, el).every((v) => {
          const n = Number(v);
          return !Number.isNaN(n) && n >= ((c.min as number) ?? n) && n <= ((c.max as number) ?? n);
        });
      case 'no_spaces':
        return texts(paths, el).every((v) => v === v.trim());
      case 'regex_matches':
        return texts(paths, el).every((v) => new RegExp(c.regex as string).test(v));
      case 'regex_no_matches':
        return texts(paths, el).every((v) => !new RegExp(c.regex as string).test(v));
      case 'if_then':
        return truthy(c.if as string, el) ? truthy(c.then as string, el) : true;
      case 'date_order': {
        const less = this.date(c.less as string, el);
        const more = this.date(c.more as string, el);
        return less === null || more === null ? null : less <= more;
      }
      case 'date_now': {
        const found = nodes(c.date as string, el)[0];
        return found ? new Date(textOf(found)).getTime() < this.now.getTime() : null;
      }
      case 'between_dates': {
        const date = this.date(c.date as string, el);
        const start = this.date(c.start as string, el);
        const end = this.date(c.end as string, el);
        return date === null || start === null || end === null ? null : start < date && date < end;
      }
      case 'time_limit': {
        // At most one year: the end may be the same day of the next year at the latest.
        const start = this.date(c.start as string, el);
        const end = this.date(c.end as string, el);
        if (start === null || end === null) return null;
        return end <= `${String(Number(start.slice(0, 4)) + 1).padStart(4, '0')}${start.slice(4)}`;
      }
      case 'startswith': {
        const prefixes = (c.prefix as string[]).flatMap((p) => texts([p], el));
        const separator = (c.separator as string | undefined) ?? '';
        return texts(paths, el).every((v) => prefixes.some((p) => v.startsWith(`${p}${separator}`)));
      }
      case 'one_or_all':
        return this.oneOrAll(el, c.one as string, c.all as string);
      default:
        // A rule type this checker does not know must not pass unnoticed.
        throw new Error(`IATI ruleset: unknown rule type "${rule}"`);
    }
  }

  private oneOrAll(el: Node, one: string, all: string): boolean {
    if (truthy(one, el)) return true;
    if (all === 'lang') return nodes('descendant::narrative', el).every((n) => truthy('@xml:lang', n));
    if (all === 'sector') return nodes('transaction', el).every((t) => truthy('sector', t));
    if (all === 'currency')
      return ['value', 'forecast', 'loan-status'].every((p) =>
        nodes(`descendant::${p}`, el).every((v) => truthy('@currency', v)),
      );
    throw new Error(`IATI ruleset: unknown one_or_all "${all}"`);
  }

  /** The rules of a loop case that fail for one of the values it loops over (each reported on its own). */
  loopFailures(el: Node, c: RuleCase): RuleInfo[] {
    const failed: RuleInfo[] = [];
    const values = [...new Set(nodes(c.foreach as string, el).map(textOf))];
    for (const [rule, { cases }] of Object.entries(c.do as Record<string, { cases: RuleCase[] }>)) {
      for (const sub of cases) {
        for (const value of values) {
          // Every expression of the case gets the value, its condition included (the ruleset's `subs` list
          // leaves conditions out, which would make them test the literal "$1" and never apply).
          const replaced: RuleCase = { ...sub };
          for (const [key, v] of Object.entries(sub)) {
            if (Array.isArray(v))
              replaced[key] = v.map((x: unknown) => (typeof x === 'string' ? x.replaceAll('$1', value) : x));
            else if (typeof v === 'string') replaced[key] = v.replaceAll('$1', value);
          }
          if (this.evaluate(rule, el, replaced) === false) {
            failed.push(sub.ruleInfo);
            break;
          }
        }
      }
    }
    return failed;
  }
}

/** Rules needing the IATI organisation registry (idCondition) cannot be checked offline and are left out. */
const offline = (c: RuleCase) => c.idCondition === undefined;

/**
 * Checks one iati-activities document against the vendored IATI Standard ruleset (activity rules; the
 * organisation-file rules do not apply). Returns every failed rule, errors and warnings.
 */
export function checkIatiRules(xml: string, options: { now: Date; firstIndex?: number }): RuleFailure[] {
  const doc = new DOMParser().parseFromString(xml, 'text/xml') as unknown as Node;
  const failures: RuleFailure[] = [];
  const evaluate = (rule: string, el: Node, c: RuleCase): boolean | null =>
    c.condition !== undefined && !truthy(c.condition as string, el) ? null : types.run(rule, el, c);
  const types = new RuleTypes(options.now, evaluate);
  const activities = nodes('/iati-activities/iati-activity', doc);
  const labelOf = (el: Node): string => {
    const activity = nodes('ancestor-or-self::iati-activity', el)[0];
    const id = activity ? nodes('iati-identifier', activity)[0] : undefined;
    if (id) return textOf(id).trim();
    return `iati-activity #${activities.indexOf(activity) + (options.firstIndex ?? 1)}`;
  };
  for (const [context, rules] of Object.entries(standard as unknown as Ruleset)) {
    if (context.startsWith('/iati-organisations')) continue;
    for (const el of nodes(context, doc)) {
      for (const [rule, { cases }] of Object.entries(rules)) {
        for (const c of cases.filter(offline)) {
          const failed =
            rule === 'loop' ? types.loopFailures(el, c) : evaluate(rule, el, c) === false ? [c.ruleInfo] : [];
          for (const info of failed) failures.push({ ...info, activity: labelOf(el), context });
        }
      }
    }
  }
  return failures;
}
