import { formatInstant, formatMoney, formatPartialDate } from '../format';

export interface Project {
  projectId: string;
  primaId: string | null;
  title: string;
  description: string | null;
  projectType: string;
  coverage: string;
  region: string;
  fundingYear: number;
  plannedStart: string;
  plannedEnd: string;
  actualStart: string | null;
  actualEnd: string | null;
  status: string;
  statusReason: string | null;
  budget: { amount: string; currency: string };
  initialBudget: { amount: string; currency: string };
  budgetRevisionCount: number;
  benefitingMemberStates: string[];
  revision: number;
  createdAt: string;
  updatedAt: string;
}

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
