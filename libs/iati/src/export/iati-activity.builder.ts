import Decimal from 'decimal.js';
import { orgRoleCode, regionSlug, type ProjectSnapshot } from '@ledger/domain';
import { regionOfCountries } from '@ledger/domain/country-region.policy';
import { splitBudget, withinTwelveMonths } from '../budget-periods';
import {
  ACTIVITY_DATE,
  BUDGET_STATUS_COMMITTED,
  BUDGET_STATUS_INDICATIVE,
  BUDGET_TYPE,
  COVERAGE_TO_IATI_SCOPE,
  DESCRIPTION_GENERAL,
  IATI_VERSION,
  LEDGER_NS,
  LEDGER_PREFIX,
  ORG_ROLE_IMPLEMENTING,
  ORG_TYPE_MULTILATERAL,
  OTHER_IDENTIFIER_PRIMA,
  REPORTING_ORG_VOCABULARY,
  STATUS_TO_IATI,
} from '../iati.codes';
import { firstDayOf, lastDayOf, precisionOf } from '../iati-dates';
import { toIatiIdentifier } from '../iati-identifier';
import { SCHEMA_ORDER } from '../import/iati-element.policy';
import { el, serializeXml, type XmlElement } from '../xml/xml-writer';
import { coverageOf } from '../import/activity-basics';
import { booleanOf } from '../import/iati-activity.reader';
import { keptGroups } from './iati-kept.groups';
import { countryElements, locationElements, sectorElements } from './iati-profile.export';
import { transactionElements } from './iati-transactions.export';
import type { IatiProjectRecord } from './iati-project.record';

/** Who publishes: IATI organisation identifier (reporting-org/@ref) and name. */
export interface ReportingOrg {
  ref: string;
  name: string;
}

export interface IatiExportOptions {
  reportingOrg: ReportingOrg;
  /** ISO instant written as generated-datetime. */
  generatedAt: string;
}

const narrative = (text: string) => el('narrative', {}, [text]);
const PRECISION = `${LEDGER_PREFIX}:precision`;
const STANDS_IN = `${LEDGER_PREFIX}:stands-in`;

function activityDate(type: string, date: string, edge: 'start' | 'end'): XmlElement {
  const precision = precisionOf(date);
  return el('activity-date', {
    type,
    'iso-date': edge === 'start' ? firstDayOf(date) : lastDayOf(date),
    [PRECISION]: precision === 'day' ? undefined : precision,
  });
}

/** Percentages of recipient countries: 100 shared evenly, two decimals, the remainder to the last. */
export function countryPercentages(count: number): string[] {
  const share = new Decimal(100).dividedBy(count).toDecimalPlaces(2, Decimal.ROUND_DOWN);
  return Array.from({ length: count }, (_, i) =>
    (i === count - 1 ? new Decimal(100).minus(share.times(count - 1)) : share).toFixed(2),
  );
}

function budgets(project: ProjectSnapshot, record: IatiProjectRecord): XmlElement[] {
  const start = firstDayOf(project.plannedStart);
  const end = lastDayOf(project.plannedEnd);
  // A span of twelve months or less is one period, as stated (committed). A longer one is split by calendar
  // year pro rata: shares the publisher never stated, so they are marked indicative, never committed.
  const single = withinTwelveMonths(start, end);
  const status = single ? BUDGET_STATUS_COMMITTED : BUDGET_STATUS_INDICATIVE;
  const budgetElements = (
    type: string,
    amount: string,
    currency: string,
    valueDate: string,
    reason?: string,
  ) =>
    (single ? [{ start, end, amount }] : splitBudget(amount, currency, start, end)).map((period) =>
      el('budget', { type, status, [`${LEDGER_PREFIX}:reason`]: reason }, [
        el('period-start', { 'iso-date': period.start }),
        el('period-end', { 'iso-date': period.end }),
        el('value', { currency, 'value-date': valueDate }, [period.amount]),
      ]),
    );
  const { initialBudget } = project;
  return [
    // The original budget is valued in the funding year, which is how a round trip keeps fundingYear.
    ...budgetElements(
      BUDGET_TYPE.original,
      initialBudget.amount,
      initialBudget.currency,
      `${project.fundingYear}-01-01`,
    ),
    ...record.revisions.flatMap((r) =>
      budgetElements(BUDGET_TYPE.revised, r.amount, r.currency, r.effectiveDate, r.reason),
    ),
  ];
}

/** The elements the export writes from the project's fields, by element name. */
function generatedGroups(record: IatiProjectRecord, org: ReportingOrg): Map<string, XmlElement[]> {
  const { project } = record;
  const dates = [activityDate(ACTIVITY_DATE.plannedStart, project.plannedStart, 'start')];
  if (project.actualStart) dates.push(activityDate(ACTIVITY_DATE.actualStart, project.actualStart, 'start'));
  dates.push(activityDate(ACTIVITY_DATE.plannedEnd, project.plannedEnd, 'end'));
  if (project.actualEnd) dates.push(activityDate(ACTIVITY_DATE.actualEnd, project.actualEnd, 'end'));
  const percentages = countryPercentages(project.benefitingMemberStates.length);
  // The region is written only when the countries do not already imply it (the import derives it back),
  // which also keeps recipient percentages adding up to 100 as the rulesets ask.
  const regionImplied = regionOfCountries(project.benefitingMemberStates) === project.region;
  return new Map<string, XmlElement[]>([
    ['iati-identifier', [el('iati-identifier', {}, [toIatiIdentifier(org.ref, project.projectId)])]],
    [
      'reporting-org',
      [el('reporting-org', { ref: org.ref, type: ORG_TYPE_MULTILATERAL }, [narrative(org.name)])],
    ],
    ['title', [el('title', {}, [narrative(project.title)])]],
    // description is required by the schema; a project without one repeats its title (import reads that back as none).
    [
      'description',
      [el('description', { type: DESCRIPTION_GENERAL }, [narrative(project.description ?? project.title)])],
    ],
    [
      'participating-org',
      (project.participatingOrgs ?? []).length > 0
        ? (project.participatingOrgs ?? []).map((o) =>
            el(
              'participating-org',
              {
                ref: o.ref ?? undefined,
                role: orgRoleCode(o.role),
                type: o.type ?? undefined,
                'activity-id': o.activityId ?? undefined,
              },
              [narrative(o.name)],
            ),
          )
        : [
            // The schema requires one participating-org: the reporting organisation stands in, marked so an
            // import does not take it for an organisation the project holds.
            el(
              'participating-org',
              {
                ref: org.ref,
                role: ORG_ROLE_IMPLEMENTING,
                type: ORG_TYPE_MULTILATERAL,
                [STANDS_IN]: 'reporting-org',
              },
              [narrative(org.name)],
            ),
          ],
    ],
    [
      'other-identifier',
      project.primaId ? [el('other-identifier', { ref: project.primaId, type: OTHER_IDENTIFIER_PRIMA })] : [],
    ],
    ['activity-status', [el('activity-status', { code: STATUS_TO_IATI[project.status] })]],
    ['activity-date', dates],
    ['activity-scope', [el('activity-scope', { code: COVERAGE_TO_IATI_SCOPE[project.coverage] })]],
    ['recipient-country', countryElements(project, percentages)],
    [
      'recipient-region',
      regionImplied
        ? []
        : [
            el(
              'recipient-region',
              { code: regionSlug(project.region), vocabulary: REPORTING_ORG_VOCABULARY },
              [narrative(project.region)],
            ),
          ],
    ],
    ['location', locationElements(project)],
    ['sector', sectorElements(project)],
    ['budget', budgets(project, record)],
    ['transaction', transactionElements(project, [], {})],
  ]);
}

/**
 * One iati-activity, children in the order the 2.03 schema's sequence requires. An imported activity gives
 * back what its import kept (its own reporting organisation, identifier, partners, places, money flows ...)
 * and, where the ledger holds a field, the kept copy while the field still agrees with it.
 */
export function iatiActivityElement(record: IatiProjectRecord, org: ReportingOrg): XmlElement {
  const { project, source } = record;
  const generated = generatedGroups(record, org);
  const kept = keptGroups(record, generated);
  // A source without activity-scope gets none back while the coverage is the one its countries imply.
  if (
    source &&
    !kept.has('activity-scope') &&
    coverageOf({ scopeCode: null, countries: project.benefitingMemberStates }) === project.coverage
  )
    generated.set('activity-scope', []);
  const attributes: Record<string, string | undefined> = source
    ? { ...source.attributes, 'last-updated-datetime': record.lastUpdated ?? undefined }
    : {
        'last-updated-datetime': record.lastUpdated ?? undefined,
        'xml:lang': 'en',
        'default-currency': project.budget.currency,
      };
  // The humanitarian flag is a field: the source's spelling stays while it agrees, else the field is written.
  if ((booleanOf(attributes.humanitarian ?? null) ?? false) !== (project.humanitarian ?? false))
    attributes.humanitarian = project.humanitarian ? '1' : undefined;
  return el(
    'iati-activity',
    attributes,
    SCHEMA_ORDER.flatMap((name) => kept.get(name) ?? generated.get(name) ?? []),
  );
}

/** An iati-activities document (version 2.03) with one iati-activity per record, in the order given. */
export function buildIatiActivitiesXml(
  records: readonly IatiProjectRecord[],
  options: IatiExportOptions,
): string {
  const root = el(
    'iati-activities',
    {
      version: IATI_VERSION,
      'generated-datetime': options.generatedAt,
      [`xmlns:${LEDGER_PREFIX}`]: LEDGER_NS,
    },
    records.map((record) => iatiActivityElement(record, options.reportingOrg)),
  );
  return serializeXml(root);
}
