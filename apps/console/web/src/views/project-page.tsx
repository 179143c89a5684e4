import { useEffect, useState } from 'preact/hooks';
import { getJson, projectPath } from '../api';
import { loadHistory, type HistoryEntry } from '../history';
import { canAudit, type Session } from '../session';
import { AsOfPicker } from '../parts/as-of-picker';
import { BudgetHistory, type BudgetRevision } from '../parts/budget-history';
import { Downloads } from '../parts/downloads';
import { EventList } from '../parts/event-list';
import { ProblemNote } from '../parts/problem-note';
import { ProjectFacts, type Project } from '../parts/project-facts';
import { ProjectFinances, type FinanceRow } from '../parts/project-finances';
import { StatusTimeline } from '../parts/status-timeline';
import { TransactionList } from '../parts/transaction-list';
import { VerificationBadge } from '../parts/verification-badge';

/** One project: what readers see (facts, budget, money), and for auditors its history, past states and proof. */
export function ProjectPage({ session, projectId }: { session: Session; projectId: string }) {
  const [project, setProject] = useState<Project | null>(null);
  const [revisions, setRevisions] = useState<BudgetRevision[]>([]);
  const [finances, setFinances] = useState<FinanceRow[] | null>(null);
  const [history, setHistory] = useState<HistoryEntry[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const auditor = canAudit(session);

  useEffect(() => {
    setProject(null);
    setHistory(null);
    setFinances(null);
    setError(null);
    Promise.all([
      getJson<Project>(projectPath(projectId)),
      getJson<BudgetRevision[]>(`${projectPath(projectId)}/budget-revisions`),
      getJson<FinanceRow[]>(`${projectPath(projectId)}/finances`),
    ]).then(([p, r, f]) => {
      setProject(p);
      setRevisions(r);
      setFinances(f);
    }, setError);
    if (auditor) loadHistory(projectId).then(setHistory, setError);
  }, [projectId, auditor]);

  return (
    <article aria-labelledby="project-heading">
      <p class="crumbs">
        <a href="#/projects">← All projects</a>
      </p>
      <h1 id="project-heading">
        {projectId}
        {project && <span class="subtitle">{project.title}</span>}
      </h1>
      {error !== null && <ProblemNote error={error} />}
      {auditor && <VerificationBadge projectId={projectId} />}
      {auditor && history && <AsOfPicker projectId={projectId} history={history} />}
      {project && <ProjectFacts project={project} />}
      {project && <BudgetHistory project={project} revisions={revisions} history={history} />}
      {finances && <ProjectFinances rows={finances} />}
      {project && <TransactionList projectId={projectId} />}
      {auditor && history && <StatusTimeline history={history} />}
      {auditor && history && <EventList history={history} />}
      {!auditor && <p class="help">History, past states and verification are open to auditors.</p>}
      <Downloads projectId={projectId} auditor={auditor} />
    </article>
  );
}
