import { compareDecimal, type ParticipatingOrgFields, type ProjectSnapshot } from '@ledger/domain';
import { LEDGER_PREFIX, statusFromIati } from '../iati.codes';
import { coverageOf, projectTypeOf, regionOf } from '../import/activity-basics';
import { activityFromTree } from '../import/iati-activity.reader';
import type { IatiActivityInput } from '../import/iati-activity.input';
import { importBudgets } from '../import/iati-budgets.import';
import { holdableLocations, holdableSectors } from '../import/iati-profile.import';
import { holdableOrgs } from '../import/participating-orgs.import';
import { transactionElements } from './iati-transactions.export';
import { ELEMENT_HANDLING } from '../import/iati-element.policy';
import { parseXmlTree, toXmlElement, type XmlTree } from '../xml/xml-tree';
import type { XmlElement } from '../xml/xml-writer';
import type { IatiProjectRecord } from './iati-project.record';

const orgJson = ({ role, name, ref, type, activityId }: ParticipatingOrgFields) =>
  JSON.stringify([role, name, ref ?? null, type ?? null, activityId ?? null]);
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
/**
 * A profile field agrees with the kept copy when it holds what the import would hold, or nothing: a project
 * imported before these fields were mapped (or whose commands for them were refused, e.g. on a project
 * already completed) has them empty, and then the copy stands rather than being lost.
 */
const emptyOrSame = (field: readonly unknown[] | undefined, imported: readonly unknown[]) =>
  (field ?? []).length === 0 || sameJson(field, imported);
const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

/**
 * Whether a kept group still says what the project's fields say: the group is read back with the import's
 * own mapping and compared with the field it feeds. A field changed in the ledger since the import makes
 * the export write the field instead of the stale copy.
 */
const AGREES: Record<
  string,
  (kept: IatiActivityInput, project: ProjectSnapshot, generated: XmlElement[]) => boolean
> = {
  // A project's identity never changes, so its identifier as given always stands.
  'iati-identifier': () => true,
  'activity-status': (k, p) => k.statusCode !== null && statusFromIati(k.statusCode) === p.status,
  // The dates agree when they are the same days of the same types as the fields give (narratives ride along).
  'activity-date': (k, _p, generated) =>
    sameList(
      k.dates.map((d) => `${d.type}:${d.isoDate}`),
      generated.map((g) => `${g.attributes?.type}:${g.attributes?.['iso-date']}`),
    ),
  'activity-scope': (k, p) => coverageOf(k) === p.coverage,
  // The organisations as the import holds them (those the domain refused left out). A field left empty (an
  // import made before organisations were held one by one refused them all) lets the copy stand.
  'participating-org': (k, p) => {
    const held = (p.participatingOrgs ?? []).map(orgJson);
    return held.length === 0 || sameList(held, holdableOrgs(k.participatingOrgs).held.map(orgJson));
  },
  title: (k, p) => k.title === p.title,
  description: (k, p) => (k.description === k.title ? null : k.description) === (p.description ?? null),
  'other-identifier': (k, p) => k.primaId === (p.primaId ?? null),
  // The countries, and their shares as the import holds them (none when the domain refused them).
  'recipient-country': (k, p) =>
    sameList(k.countries, p.benefitingMemberStates) &&
    emptyOrSame(p.recipientCountries, holdableLocations(k).countries),
  'recipient-region': (k, p) => regionOf(k, {})?.region === p.region,
  // The project type, and the sectors as the import holds them (vocabularies the domain refused left out).
  sector: (k, p) =>
    projectTypeOf(k)?.code === p.projectType && emptyOrSame(p.sectors, holdableSectors(k).held),
  location: (k, p) => emptyOrSame(p.locations, holdableLocations(k).locations),
  budget: (k, p) => {
    const { original, revisions } = importBudgets(k.budgets, k.defaultCurrency);
    // Kept budgets agree while the project's budget is the one they add up to.
    const total = revisions.length > 0 ? revisions[revisions.length - 1] : original;
    return (
      total !== null &&
      total.currency === p.budget.currency &&
      compareDecimal(total.amount, p.budget.amount) === 0
    );
  },
};

/** The kept elements of an imported project that the export writes, by element name. */
export function keptGroups(
  record: IatiProjectRecord,
  generated: ReadonlyMap<string, XmlElement[]>,
): Map<string, XmlElement[]> {
  const groups = new Map<string, XmlElement[]>();
  const { source, project } = record;
  if (!source) return groups;
  const trees = new Map<string, XmlTree[]>();
  for (const element of source.elements) {
    const tree = parseXmlTree(element.xml);
    trees.set(element.name, [...(trees.get(element.name) ?? []), tree]);
  }
  for (const [name, group] of trees) {
    // Transactions agree one by one (a reversal or a transaction recorded later adds to the kept ones).
    if (name === 'transaction') {
      groups.set(name, transactionElements(project, group, source.attributes));
      continue;
    }
    const handling = ELEMENT_HANDLING.get(name);
    if (handling === 'held-and-kept') {
      // Countries feed the region check, so they come along when the region group is read back.
      const context =
        name === 'recipient-region' ? [...(trees.get('recipient-country') ?? []), ...group] : group;
      const read = activityFromTree(
        { name: 'iati-activity', attrs: source.attributes, children: context, text: '' },
        1,
      );
      if (!AGREES[name]?.(read, project, generated.get(name) ?? [])) {
        // The field wins, and what the domain refused to hold stays as kept after it.
        const refused = refusedKept(name, group, source.attributes);
        if (refused.length > 0)
          groups.set(name, [...(generated.get(name) ?? []), ...refused.map(toXmlElement)]);
        continue;
      }
    }
    groups.set(name, group.map(toXmlElement));
  }
  return groups;
}

/** The kept organisations / sectors / locations the import would not hold in a field (refused by the domain, kept only). */
function refusedKept(name: string, group: readonly XmlTree[], attributes: Record<string, string>): XmlTree[] {
  const readOne = (trees: XmlTree[]) =>
    activityFromTree({ name: 'iati-activity', attrs: attributes, children: trees, text: '' }, 1);
  if (name === 'location') return group.filter((t) => holdableLocations(readOne([t])).locations.length === 0);
  if (name === 'participating-org') {
    const held = new Set(holdableOrgs(readOne([...group]).participatingOrgs).held.map(orgJson));
    // The stand-in our own export writes reads as no organisation, and is no refused one either.
    return group.filter((t) => {
      const orgs = readOne([t]).participatingOrgs;
      return orgs.length === 0
        ? t.attrs[`${LEDGER_PREFIX}:stands-in`] === undefined
        : orgs.some((o) => !held.has(orgJson(o)));
    });
  }
  if (name !== 'sector') return [];
  // Sectors are held a whole vocabulary at a time.
  const heldVocabularies = new Set<string>(
    holdableSectors(readOne([...group])).held.map((s) => s.vocabulary),
  );
  return group.filter((t) => {
    const [sector] = readOne([t]).sectors;
    return sector !== undefined && !sector.projectTypeOnly && !heldVocabularies.has(sector.vocabulary);
  });
}
