import type { XmlTree } from '../xml/xml-tree';

/**
 * The IATI Dashboard's comprehensiveness tests (its "Comprehensiveness" pages: core, financials, value
 * added), applied to one activity as the ledger would publish it. Each test says whether the activity passes
 * the Dashboard's validation methodology (the stricter of its two columns). Tests that need a codelist the
 * ledger does not vendor check the shape only (noted per test).
 */
export type QualityGroup = 'core' | 'financials' | 'value-added';

export interface QualityTest {
  id: string;
  group: QualityGroup;
  name: string;
  /** Whether the test applies to this activity (the Dashboard ignores some activities for some tests). */
  applies?: (a: XmlTree, today: string) => boolean;
  passes: (a: XmlTree) => boolean;
}

const all = (a: XmlTree, name: string) => a.children.filter((c) => c.name === name);
const one = (a: XmlTree | undefined, name: string) => a?.children.find((c) => c.name === name);
const hasText = (n: XmlTree | undefined): boolean =>
  n !== undefined && (n.text !== '' || n.children.some((c) => hasText(c)));
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const typeOf = (t: XmlTree) => one(t, 'transaction-type')?.attrs.code;
const transactions = (a: XmlTree, types: string[]) =>
  all(a, 'transaction').filter((t) => types.includes(typeOf(t) ?? ''));
const datedValue = (t: XmlTree) => {
  const value = one(t, 'value');
  const date = one(t, 'transaction-date')?.attrs['iso-date'] ?? value?.attrs['value-date'];
  return value !== undefined && DECIMAL.test(value.text) && date !== undefined && DATE.test(date);
};
const percentagesAddUp = (nodes: XmlTree[]) => {
  if (nodes.length <= 1) return true;
  const sum = nodes.reduce((s, n) => s + Number(n.attrs.percentage ?? 'NaN'), 0);
  return Math.abs(sum - 100) < 0.01;
};
const startDate = (a: XmlTree): string | null => {
  const date = (type: string) =>
    all(a, 'activity-date').find((d) => d.attrs.type === type)?.attrs['iso-date'];
  return date('2') ?? date('1') ?? null;
};

export const QUALITY_TESTS: readonly QualityTest[] = [
  {
    id: 'core.reporting-org',
    group: 'core',
    name: 'Reporting organisation',
    passes: (a) => !!one(a, 'reporting-org')?.attrs.ref && hasText(one(a, 'reporting-org')),
  },
  {
    id: 'core.iati-identifier',
    group: 'core',
    name: 'IATI identifier',
    passes: (a) => {
      const id = one(a, 'iati-identifier')?.text ?? '';
      const prefixes = [
        one(a, 'reporting-org')?.attrs.ref,
        ...all(a, 'other-identifier')
          .filter((o) => o.attrs.type === 'B1')
          .map((o) => o.attrs.ref),
      ].filter((p): p is string => !!p);
      return id !== '' && prefixes.some((p) => id.startsWith(p));
    },
  },
  {
    id: 'core.participating-org',
    group: 'core',
    name: 'Participating organisation (a funder)',
    passes: (a) => all(a, 'participating-org').some((p) => p.attrs.role === '1'),
  },
  { id: 'core.title', group: 'core', name: 'Title', passes: (a) => hasText(one(a, 'title')) },
  {
    id: 'core.description',
    group: 'core',
    name: 'Description',
    passes: (a) => hasText(one(a, 'description')),
  },
  {
    id: 'core.status',
    group: 'core',
    name: 'Status',
    passes: (a) => ['1', '2', '3', '4', '5', '6'].includes(one(a, 'activity-status')?.attrs.code ?? ''),
  },
  {
    id: 'core.activity-date',
    group: 'core',
    name: 'Activity date (a start)',
    passes: (a) => all(a, 'activity-date').some((d) => d.attrs.type === '1' || d.attrs.type === '2'),
  },
  {
    id: 'core.sector',
    group: 'core',
    name: 'Sector',
    passes: (a) => {
      const sectors = all(a, 'sector');
      if (sectors.length === 0)
        return all(a, 'transaction').length > 0 && all(a, 'transaction').every((t) => one(t, 'sector'));
      const byVocabulary = new Map<string, XmlTree[]>();
      for (const s of sectors)
        byVocabulary.set(s.attrs.vocabulary ?? '1', [
          ...(byVocabulary.get(s.attrs.vocabulary ?? '1') ?? []),
          s,
        ]);
      return [...byVocabulary.values()].every(percentagesAddUp);
    },
  },
  {
    id: 'core.country-or-region',
    group: 'core',
    name: 'Country or region',
    passes: (a) => {
      const places = [...all(a, 'recipient-country'), ...all(a, 'recipient-region')];
      if (places.length === 0)
        return (
          all(a, 'transaction').length > 0 &&
          all(a, 'transaction').every((t) => one(t, 'recipient-country') || one(t, 'recipient-region'))
        );
      return percentagesAddUp(
        places.filter((p) => p.name === 'recipient-country' || (p.attrs.vocabulary ?? '1') === '1'),
      );
    },
  },
  {
    id: 'financials.commitment',
    group: 'financials',
    name: 'Transaction – commitment',
    passes: (a) => transactions(a, ['2', '11']).length > 0 && transactions(a, ['2', '11']).every(datedValue),
  },
  {
    id: 'financials.disbursement-or-expenditure',
    group: 'financials',
    name: 'Transaction – disbursement or expenditure',
    // The Dashboard asks this only of activities that started within the last year.
    applies: (a, today) => {
      const start = startDate(a);
      return start !== null && start < today && Date.parse(today) - Date.parse(start) < 365 * 86_400_000;
    },
    passes: (a) => transactions(a, ['3', '4']).length > 0 && transactions(a, ['3', '4']).every(datedValue),
  },
  {
    id: 'financials.currency',
    group: 'financials',
    name: 'Transaction – currency',
    passes: (a) =>
      all(a, 'transaction').every((t) => {
        const value = one(t, 'value');
        return (
          (!!value?.attrs.currency || !!a.attrs['default-currency']) &&
          DATE.test(value?.attrs['value-date'] ?? '')
        );
      }),
  },
  {
    id: 'financials.traceability',
    group: 'financials',
    name: 'Transaction – traceability',
    applies: (a) => transactions(a, ['1', '11', '13']).length > 0,
    passes: (a) =>
      transactions(a, ['1', '11', '13']).every(
        (t) => !!one(t, 'provider-org')?.attrs['provider-activity-id'],
      ),
  },
  {
    id: 'financials.budget',
    group: 'financials',
    name: 'Budget',
    passes: (a) => {
      const budgets = all(a, 'budget');
      if (budgets.length === 0) return !!a.attrs['budget-not-provided'];
      return budgets.every(
        (b) =>
          DATE.test(one(b, 'period-start')?.attrs['iso-date'] ?? '') &&
          DATE.test(one(b, 'period-end')?.attrs['iso-date'] ?? '') &&
          DATE.test(one(b, 'value')?.attrs['value-date'] ?? '') &&
          DECIMAL.test(one(b, 'value')?.text ?? ''),
      );
    },
  },
  {
    id: 'value-added.contacts',
    group: 'value-added',
    name: 'Contacts',
    passes: (a) => all(a, 'contact-info').some((c) => hasText(one(c, 'email'))),
  },
  {
    id: 'value-added.location-details',
    group: 'value-added',
    name: 'Location details',
    passes: (a) =>
      all(a, 'location').some(
        (l) =>
          ['name', 'description', 'administrative'].some((n) => one(l, n)) || one(one(l, 'point'), 'pos'),
      ),
  },
  {
    id: 'value-added.coordinates',
    group: 'value-added',
    name: 'Geographic coordinates',
    passes: (a) =>
      all(a, 'location').some((l) => {
        const pos = one(one(l, 'point'), 'pos')?.text.trim().split(/\s+/) ?? [];
        return (
          pos.length === 2 &&
          pos.every((p) => DECIMAL.test(p)) &&
          !(Number(pos[0]) === 0 && Number(pos[1]) === 0)
        );
      }),
  },
  {
    id: 'value-added.dac-sectors',
    group: 'value-added',
    name: 'DAC sectors',
    // Shape only: a 5-digit (vocabulary 1) or 3-digit (vocabulary 2) code; the DAC codelists are not vendored.
    passes: (a) => {
      const dac = (s: XmlTree) => {
        const vocabulary = s.attrs.vocabulary ?? '1';
        return (
          (vocabulary === '1' && /^\d{5}$/.test(s.attrs.code ?? '')) ||
          (vocabulary === '2' && /^\d{3}$/.test(s.attrs.code ?? ''))
        );
      };
      return (
        all(a, 'sector').some(dac) ||
        (all(a, 'transaction').length > 0 && all(a, 'transaction').every((t) => all(t, 'sector').some(dac)))
      );
    },
  },
  {
    id: 'value-added.capital-spend',
    group: 'value-added',
    name: 'Capital spend',
    passes: (a) => !!one(a, 'capital-spend')?.attrs.percentage,
  },
  {
    id: 'value-added.documents',
    group: 'value-added',
    name: 'Activity documents',
    passes: (a) => all(a, 'document-link').some((d) => (d.attrs.url ?? '').includes('//')),
  },
  {
    id: 'value-added.aid-type',
    group: 'value-added',
    name: 'Aid type',
    passes: (a) =>
      !!one(a, 'default-aid-type')?.attrs.code ||
      (all(a, 'transaction').length > 0 &&
        all(a, 'transaction').every((t) => !!one(t, 'aid-type')?.attrs.code)),
  },
];
