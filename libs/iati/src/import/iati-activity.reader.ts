import { orgRoleFromCode, type ParticipatingOrgFields } from '@ledger/domain';
import { LEDGER_PREFIX } from '../iati.codes';
import { canonicalXml, isForeign, type XmlTree } from '../xml/xml-tree';
import type {
  IatiActivityInput,
  IatiBudgetInput,
  IatiLocationInput,
  IatiPartyInput,
  IatiSourceAccount,
  IatiTransactionInput,
} from './iati-activity.input';
import {
  ELEMENT_HANDLING,
  PERSONAL_CONTACT_ELEMENTS,
  REQUIRED_203_ATTRIBUTES,
  REWRITTEN_ATTRIBUTES,
} from './iati-element.policy';

const children = (node: XmlTree | undefined, name: string): XmlTree[] =>
  node?.children.filter((c) => c.name === name) ?? [];
const first = (node: XmlTree | undefined, name: string): XmlTree | undefined => children(node, name)[0];
const attr = (node: XmlTree | undefined, name: string): string | null => {
  const value = node?.attrs[name]?.trim();
  return value ? value : null;
};
const text = (node: XmlTree | undefined): string | null => (node?.text ? node.text : null);

/** The participating-org elements as the domain's fields (role, name, ref, type, activity id). */
export function participatingOrgsOf(elements: readonly XmlTree[]): ParticipatingOrgFields[] {
  return elements.flatMap((p) => {
    // The stand-in the ledger's export writes for a project without organisations is none of them.
    if (attr(p, `${LEDGER_PREFIX}:stands-in`) !== null) return [];
    const role = orgRoleFromCode(attr(p, 'role') ?? '');
    const name = narrativeOf(p) ?? attr(p, 'ref');
    if (!role || !name) return [];
    return [{ role, name, ref: attr(p, 'ref'), type: attr(p, 'type'), activityId: attr(p, 'activity-id') }];
  });
}

/** An xsd:boolean as IATI writes it ("1", "true", "0", "false"); null for anything else. */
export const booleanOf = (value: string | null): boolean | null =>
  value === '1' || value === 'true' ? true : value === '0' || value === 'false' ? false : null;

/** The English (or language-less) narrative, else the first one. */
export function narrativeOf(node: XmlTree | undefined): string | null {
  const narratives = children(node, 'narrative');
  const english = narratives.find((n) => {
    const lang = attr(n, 'xml:lang');
    return lang === null || lang.toLowerCase().startsWith('en');
  });
  return text(english ?? narratives[0]);
}

function budgetOf(node: XmlTree): IatiBudgetInput {
  const value = first(node, 'value');
  return {
    // Defaults of the standard: a budget without type is an original one, without status an indicative one.
    type: attr(node, 'type') ?? '1',
    status: attr(node, 'status') ?? '1',
    periodStart: attr(first(node, 'period-start'), 'iso-date'),
    periodEnd: attr(first(node, 'period-end'), 'iso-date'),
    amount: text(value),
    currency: attr(value, 'currency'),
    valueDate: attr(value, 'value-date'),
    reason: attr(node, `${LEDGER_PREFIX}:reason`),
  };
}

const STANDS_IN = `${LEDGER_PREFIX}:stands-in`;
const COMPUTED = `${LEDGER_PREFIX}:computed`;

function locationOf(node: XmlTree): IatiLocationInput {
  return {
    name: narrativeOf(first(node, 'name')),
    ref: attr(node, 'ref'),
    pos: text(first(first(node, 'point'), 'pos')),
    administrative: children(node, 'administrative').map((a) => ({
      vocabulary: attr(a, 'vocabulary'),
      code: attr(a, 'code'),
      level: attr(a, 'level'),
    })),
  };
}

function partyOf(node: XmlTree | undefined, activityAttribute: string): IatiPartyInput | null {
  if (!node) return null;
  return { name: narrativeOf(node), ref: attr(node, 'ref'), activityId: attr(node, activityAttribute) };
}

function transactionOf(node: XmlTree): IatiTransactionInput {
  const value = first(node, 'value');
  return {
    ref: attr(node, 'ref'),
    typeCode: attr(first(node, 'transaction-type'), 'code'),
    date: attr(first(node, 'transaction-date'), 'iso-date'),
    amount: text(value),
    currency: attr(value, 'currency'),
    valueDate: attr(value, 'value-date'),
    provider: partyOf(first(node, 'provider-org'), 'provider-activity-id'),
    receiver: partyOf(first(node, 'receiver-org'), 'receiver-activity-id'),
    description: narrativeOf(first(node, 'description')),
    reverses: attr(node, `${LEDGER_PREFIX}:reverses`),
    xml: canonicalXml(node),
  };
}

/** Foreign-namespace attributes and elements anywhere below `node` (a portal's or another tool's additions). */
function foreignParts(node: XmlTree, path: string): string[] {
  const own = Object.keys(node.attrs)
    .filter(isForeign)
    .map((a) => `${path}/@${a}`);
  return [
    ...own,
    ...node.children.flatMap((c) =>
      isForeign(c.name) ? [`${path}/${c.name}`] : foreignParts(c, `${path}/${c.name}`),
    ),
  ];
}

function accountOf(node: XmlTree): IatiSourceAccount {
  const account: IatiSourceAccount = { attributes: {}, elements: [], refused: [], personal: [] };
  for (const [name, value] of Object.entries(node.attrs)) {
    if (isForeign(name))
      account.refused.push({
        element: `@${name}`,
        reason: 'attribute in a foreign namespace (added by a portal or tool)',
      });
    else if (REWRITTEN_ATTRIBUTES.has(name))
      account.refused.push({ element: `@${name}`, reason: REWRITTEN_ATTRIBUTES.get(name) as string });
    else if (!name.startsWith(`${LEDGER_PREFIX}:`)) account.attributes[name] = value;
  }
  for (const child of node.children) {
    const handling = ELEMENT_HANDLING.get(child.name);
    if (handling === undefined) {
      account.refused.push({
        element: child.name,
        reason: isForeign(child.name)
          ? 'element in a foreign namespace (added by a portal or tool)'
          : 'not an element of an IATI 2.03 activity',
      });
      continue;
    }
    const lacking = (REQUIRED_203_ATTRIBUTES.get(child.name) ?? []).filter((a) => !child.attrs[a]?.trim());
    if (lacking.length > 0) {
      account.refused.push({
        element: child.name,
        reason: `no ${lacking.map((a) => `@${a}`).join(', ')}, which IATI 2.03 requires: it cannot be given back`,
      });
      continue;
    }
    for (const part of foreignParts(child, child.name))
      account.refused.push({ element: part, reason: 'in a foreign namespace (added by a portal or tool)' });
    if (handling !== 'held') account.elements.push({ name: child.name, xml: canonicalXml(child) });
    if (child.name === 'contact-info')
      for (const c of child.children.filter((x) => PERSONAL_CONTACT_ELEMENTS.includes(x.name)))
        account.personal.push({ element: `contact-info/${c.name}`, value: narrativeOf(c) ?? c.text });
  }
  return account;
}

/**
 * Maps one iati-activity element to its input, and accounts for every element and attribute: held in a
 * field, kept verbatim, or refused with a reason.
 */
export function activityFromTree(node: XmlTree, index: number): IatiActivityInput {
  const description =
    children(node, 'description').find((d) => (attr(d, 'type') ?? '1') === '1') ?? undefined;
  const otherIds = children(node, 'other-identifier');
  const reportingOrgRef = attr(first(node, 'reporting-org'), 'ref');
  const iatiIdentifier = text(first(node, 'iati-identifier'));
  const previousOrgRefs = otherIds
    .filter((o) => attr(o, 'type') === 'B1')
    .flatMap((o) => attr(o, 'ref') ?? []);
  return {
    index,
    iatiIdentifier,
    reportingOrgRef,
    previousOrgRefs,
    defaultCurrency: attr(node, 'default-currency'),
    humanitarian: booleanOf(attr(node, 'humanitarian')),
    participatingOrgs: participatingOrgsOf(children(node, 'participating-org')),
    title: narrativeOf(first(node, 'title')),
    description: narrativeOf(description),
    primaId: attr(
      otherIds.find((o) => attr(o, 'type') === 'A1'),
      'ref',
    ),
    statusCode: attr(first(node, 'activity-status'), 'code'),
    dates: children(node, 'activity-date').flatMap((d) => {
      const type = attr(d, 'type');
      const isoDate = attr(d, 'iso-date');
      return type && isoDate ? [{ type, isoDate, precision: attr(d, `${LEDGER_PREFIX}:precision`) }] : [];
    }),
    scopeCode: attr(first(node, 'activity-scope'), 'code'),
    countries: children(node, 'recipient-country').flatMap((c) => attr(c, 'code')?.toUpperCase() ?? []),
    regions: children(node, 'recipient-region').flatMap((r) => {
      const code = attr(r, 'code');
      return code ? [{ code, vocabulary: attr(r, 'vocabulary') ?? '1', narrative: narrativeOf(r) }] : [];
    }),
    sectors: children(node, 'sector').flatMap((s) => {
      const code = attr(s, 'code');
      return code
        ? [
            {
              code,
              vocabulary: attr(s, 'vocabulary') ?? '1',
              percentage: attr(s, 'percentage'),
              vocabularyUri: attr(s, 'vocabulary-uri'),
              projectTypeOnly: attr(s, STANDS_IN) === 'project-type',
            },
          ]
        : [];
    }),
    countryShares: children(node, 'recipient-country').flatMap((c) => {
      const code = attr(c, 'code')?.toUpperCase();
      return code ? [{ code, percentage: attr(c, 'percentage'), computed: attr(c, COMPUTED) !== null }] : [];
    }),
    locations: children(node, 'location').map(locationOf),
    transactions: children(node, 'transaction').map(transactionOf),
    budgets: children(node, 'budget').map(budgetOf),
    source: accountOf(node),
  };
}
