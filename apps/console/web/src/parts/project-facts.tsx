import { dacSectorName } from '@ledger/domain';
import type { ProjectProfile } from '@ledger/domain';
import type { ProjectView } from '@ledger/read-model';
import { formatInstant, formatMoney, formatPartialDate } from '../format';

/** What GET /projects/{id} serves: the read model's own view (a type-only import, nothing is bundled). */
export type Project = ProjectView;

/** The project as the read model has it now. */
export function ProjectFacts({ project: p }: { project: Project }) {
  const facts: [string, string][] = [
    ['Status', p.status + (p.statusReason ? ` (${p.statusReason})` : '')],
    ['Budget', formatMoney(p.budget)],
    ['First approved budget', formatMoney(p.initialBudget)],
    ['Prima ID', p.primaId ?? '—'],
    ['Project type', p.projectType],
    ['Region', p.region],
    ['Coverage', p.coverage],
    ['Member states', p.benefitingMemberStates.join(', ') || '—'],
    ['Funding year', String(p.fundingYear)],
    ['Planned', `${formatPartialDate(p.plannedStart)} – ${formatPartialDate(p.plannedEnd)}`],
    ['Actual', `${formatPartialDate(p.actualStart)} – ${formatPartialDate(p.actualEnd)}`],
    ...profileFacts(p.profile),
    ['Revision', String(p.revision)],
    ['Last change recorded', formatInstant(p.updatedAt)],
  ];
  return (
    <section class="card" aria-labelledby="facts-heading">
      <h2 id="facts-heading">Facts</h2>
      {p.description && <p>{p.description}</p>}
      <dl class="facts">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** The participating organisations by role (funders first), the sectors and where the money goes. */
function profileFacts(profile: ProjectProfile | null): [string, string][] {
  if (!profile) return [];
  const orgs = (role: string) =>
    profile.participatingOrgs
      .filter((o) => o.role === role)
      .map((o) => (o.ref ? `${o.name} (${o.ref})` : o.name))
      .join('; ') || '—';
  const share = (percentage: string | null) => (percentage ? ` ${percentage} %` : '');
  const others = profile.participatingOrgs.filter((o) => o.role !== 'funding');
  return [
    ['Funders', orgs('funding')],
    [
      'Other participating organisations',
      others.map((o) => `${o.name}${o.ref ? ` (${o.ref})` : ''}, ${o.role}`).join('; ') || '—',
    ],
    [
      'Sectors',
      profile.sectors.map((s) => `${sectorLabel(s.vocabulary, s.code)}${share(s.percentage)}`).join('; ') ||
        '—',
    ],
    [
      'Recipient countries',
      profile.recipientCountries.map((c) => `${c.country}${share(c.percentage)}`).join('; ') || '—',
    ],
    ['Humanitarian', profile.humanitarian === null ? '—' : profile.humanitarian ? 'Yes' : 'No'],
  ];
}

/** A DAC sector with its name (`15190 Facilitation of orderly, safe… migration`); other vocabularies as given. */
export function sectorLabel(vocabulary: string, code: string): string {
  const name = vocabulary === '1' || vocabulary === '2' ? dacSectorName(vocabulary, code) : null;
  return name ? `${code} ${name}` : `${code} (vocabulary ${vocabulary})`;
}
