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
import { StatusTimeline } from '../parts/status-timeline';
import { VerificationBadge } from '../parts/verification-badge';

/** One project: what readers see (facts, budget), and for auditors its history, past states and proof. */
export function ProjectPage({ session, projectId }: { session: Session; projectId: string }) {
  const [project, setProject] = useState<Project | null>(null);
  const [revisions, setRevisions] = useState<BudgetRevision[]>([]);
  const [history, setHistory] = useState<HistoryEntry[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const auditor = canAudit(session);

  useEffect(() => {
    setProject(null);
    setHistory(null);
    setError(null);
    Promise.all([
      getJson<Project>(projectPath(projectId)),
      getJson<BudgetRevision[]>(`${projectPath(projectId)}/budget-revisions`),
    ]).then(([p, r]) => {
      setProject(p);
      setRevisions(r);
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
      {/*
        PLACEHOLDER (money issue): the financial summary and the transactions of the project go here once
        the ledger records them. Nothing is built for them yet, on purpose.
      */}
      <section class="card placeholder" aria-labelledby="money-heading">
        <h2 id="money-heading">Financial summary and transactions</h2>
        <p>Not recorded by the ledger yet: commitments, disbursements and expenditure will appear here.</p>
      </section>
      {auditor && history && <StatusTimeline history={history} />}
      {auditor && history && <EventList history={history} />}
      {!auditor && <p class="help">History, past states and verification are open to auditors.</p>}
      <Downloads projectId={projectId} auditor={auditor} />
    </article>
  );
}
