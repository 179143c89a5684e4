import { type ProjectSnapshot } from '@ledger/domain';
import { LEDGER_PREFIX, REPORTING_ORG_VOCABULARY } from '../iati.codes';
import { el, type XmlElement } from '../xml/xml-writer';

const narrative = (text: string) => el('narrative', {}, [text]);
/** The organisation's own vocabularies need a narrative (ruleset 2.2.1); the ledger holds the code only. */
const OWN_VOCABULARIES = new Set(['98', '99']);

/**
 * The sector elements of the project's sectors field, and the project type as a vocabulary-99 sector when
 * no vocabulary-99 sector is held (marked `ledger:stands-in="project-type"`, so an import reads it as the
 * project type and not as a sector the project holds; two vocabulary-99 lists would break the sum of 100).
 */
export function sectorElements(project: ProjectSnapshot): XmlElement[] {
  const sectors = project.sectors ?? [];
  const held = sectors.map((s) =>
    el(
      'sector',
      {
        vocabulary: s.vocabulary,
        'vocabulary-uri': s.vocabularyUri ?? undefined,
        code: s.code,
        percentage: s.percentage,
      },
      OWN_VOCABULARIES.has(s.vocabulary) ? [narrative(s.code)] : [],
    ),
  );
  if (sectors.some((s) => s.vocabulary === REPORTING_ORG_VOCABULARY)) return held;
  const projectType = el(
    'sector',
    {
      code: project.projectType,
      vocabulary: REPORTING_ORG_VOCABULARY,
      percentage: '100',
      [`${LEDGER_PREFIX}:stands-in`]: 'project-type',
    },
    [narrative(project.projectType)],
  );
  return [projectType, ...held];
}

/**
 * recipient-country elements: the held shares when the field names the project's benefiting member states,
 * else 100 shared evenly (`shares`), marked `ledger:computed="even-split"` (nobody stated those shares).
 */
export function countryElements(project: ProjectSnapshot, evenShares: readonly string[]): XmlElement[] {
  const held = project.recipientCountries ?? [];
  const states = project.benefitingMemberStates;
  const sameSet =
    held.length === states.length && states.every((code) => held.some((c) => c.country === code));
  return states.map((code, i) =>
    sameSet
      ? el('recipient-country', {
          code,
          percentage: held.find((c) => c.country === code)?.percentage,
        })
      : el('recipient-country', {
          code,
          percentage: evenShares[i],
          [`${LEDGER_PREFIX}:computed`]: 'even-split',
        }),
  );
}

/** location elements of the locations field (children in the 2.03 order: name, administrative, point). */
export function locationElements(project: ProjectSnapshot): XmlElement[] {
  return (project.locations ?? []).map((l) =>
    el('location', { ref: l.ref ?? undefined }, [
      el('name', {}, [narrative(l.name)]),
      ...l.administrative.map((a) =>
        el('administrative', {
          vocabulary: a.vocabulary,
          code: a.code,
          level: a.level === null ? undefined : String(a.level),
        }),
      ),
      ...(l.point
        ? [
            el('point', { srsName: 'http://www.opengis.net/def/crs/EPSG/0/4326' }, [
              el('pos', {}, [`${l.point.latitude} ${l.point.longitude}`]),
            ]),
          ]
        : []),
    ]),
  );
}
