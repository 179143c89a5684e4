import { formatInstant, formatMoney } from '../format';
import { projectHref } from '../route';
import type { ChangeMarks } from './use-live-changes';

export interface ProjectRow {
  projectId: string;
  title: string;
  status: string;
  region: string;
  fundingYear: number;
  budget: { amount: string; currency: string };
  updatedAt: string;
}

/** One page of projects; rows created or changed while the page is open carry a visible, spoken mark. */
export function ProjectTable({ rows, changed }: { rows: ProjectRow[]; changed: ChangeMarks }) {
  if (rows.length === 0) return <p>No project matches these filters.</p>;
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label="Projects">
      <table class="projects">
        <thead>
          <tr>
            <th scope="col">Project</th>
            <th scope="col">Title</th>
            <th scope="col">Status</th>
            <th scope="col">Region</th>
            <th scope="col">Funding year</th>
            <th scope="col" class="num">
              Budget
            </th>
            <th scope="col">Last change</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const mark = changed.get(row.projectId);
            return (
              <tr
                key={row.projectId}
                class={mark ? `marked ${mark}` : undefined}
                data-project={row.projectId}
              >
                <th scope="row">
                  <a href={projectHref(row.projectId)}>{row.projectId}</a>
                  {mark && <span class={`badge ${mark}`}>{mark === 'new' ? 'New' : 'Updated'}</span>}
                </th>
                <td>{row.title}</td>
                <td>
                  <span class={`status ${row.status}`}>{row.status}</span>
                </td>
                <td>{row.region}</td>
                <td>{row.fundingYear}</td>
                <td class="num">{formatMoney(row.budget)}</td>
                <td>{formatInstant(row.updatedAt)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
