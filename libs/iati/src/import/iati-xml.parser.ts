import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { LEDGER_NS, LEDGER_PREFIX } from '../iati.codes';
import type { IatiActivityInput, IatiBudgetInput } from './iati-activity.input';

type Node = Record<string, unknown>;

/** Raised for a file that is not IATI activity XML 2.0x at all: nothing of it can be imported. */
export class IatiFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IatiFileError';
  }
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  // Amounts and codes stay strings: "200000.00" must not become the float 200000.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  htmlEntities: false,
  // Every element is a list, so repeated and single elements read the same way.
  isArray: (_name, jpath, _leaf, isAttribute) => !isAttribute && jpath !== 'iati-activities',
});

const children = (node: Node | undefined, name: string): Node[] =>
  ((node?.[name] as unknown[] | undefined) ?? []).map((c) =>
    typeof c === 'object' && c !== null ? (c as Node) : { '#text': String(c) },
  );
const first = (node: Node | undefined, name: string): Node | undefined => children(node, name)[0];
const attr = (node: Node | undefined, name: string): string | null => {
  const value = node?.[`@${name}`];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
};
const text = (node: Node | undefined): string | null => {
  const value = node?.['#text'];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
};

/** The English (or language-less) narrative, else the first one. */
function narrativeOf(node: Node | undefined): string | null {
  const narratives = children(node, 'narrative');
  const english = narratives.find((n) => {
    const lang = attr(n, 'xml:lang');
    return lang === null || lang.toLowerCase().startsWith('en');
  });
  return text(english ?? narratives[0]);
}

function budgetOf(node: Node, ext: string): IatiBudgetInput {
  const value = first(node, 'value');
  return {
    type: attr(node, 'type') ?? '1',
    periodStart: attr(first(node, 'period-start'), 'iso-date'),
    periodEnd: attr(first(node, 'period-end'), 'iso-date'),
    amount: text(value),
    currency: attr(value, 'currency'),
    valueDate: attr(value, 'value-date'),
    reason: attr(node, `${ext}:reason`),
  };
}

function activityOf(node: Node, index: number, ext: string): IatiActivityInput {
  const description =
    children(node, 'description').find((d) => (attr(d, 'type') ?? '1') === '1') ?? undefined;
  const primaId = children(node, 'other-identifier').find((o) => attr(o, 'type') === 'A1');
  return {
    index,
    iatiIdentifier: text(first(node, 'iati-identifier')),
    reportingOrgRef: attr(first(node, 'reporting-org'), 'ref'),
    defaultCurrency: attr(node, 'default-currency'),
    title: narrativeOf(first(node, 'title')),
    description: narrativeOf(description),
    primaId: attr(primaId, 'ref'),
    statusCode: attr(first(node, 'activity-status'), 'code'),
    dates: children(node, 'activity-date').flatMap((d) => {
      const type = attr(d, 'type');
      const isoDate = attr(d, 'iso-date');
      return type && isoDate ? [{ type, isoDate, precision: attr(d, `${ext}:precision`) }] : [];
    }),
    scopeCode: attr(first(node, 'activity-scope'), 'code'),
    countries: children(node, 'recipient-country').flatMap((c) => attr(c, 'code') ?? []),
    regions: children(node, 'recipient-region').flatMap((r) => {
      const code = attr(r, 'code');
      return code ? [{ code, vocabulary: attr(r, 'vocabulary'), narrative: narrativeOf(r) }] : [];
    }),
    sectors: children(node, 'sector').flatMap((s) => {
      const code = attr(s, 'code');
      return code ? [{ code, vocabulary: attr(s, 'vocabulary') }] : [];
    }),
    budgets: children(node, 'budget').map((b) => budgetOf(b, ext)),
  };
}

/** Reads IATI activity XML (iati-activities version 2.0x); throws IatiFileError for anything else. */
export function parseIatiActivities(xml: string): IatiActivityInput[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new IatiFileError(
      `Not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`,
    );
  }
  const root = (parser.parse(xml) as Node)['iati-activities'] as Node | undefined;
  if (root === undefined || typeof root !== 'object') {
    throw new IatiFileError(
      'The root element is not iati-activities: only IATI activity files can be imported.',
    );
  }
  const version = attr(root, 'version');
  if (version === null || !/^2\.0\d$/.test(version)) {
    throw new IatiFileError(
      `iati-activities version="${version ?? ''}" is not supported: only IATI 2.0x (2.01-2.03) files are.`,
    );
  }
  // Our extension attributes are found by namespace, whatever prefix the file binds it to.
  const binding = Object.entries(root).find(
    ([key, value]) => key.startsWith('@xmlns:') && value === LEDGER_NS,
  );
  const ext = binding ? binding[0].slice('@xmlns:'.length) : LEDGER_PREFIX;
  return children(root, 'iati-activity').map((node, i) => activityOf(node, i + 1, ext));
}
