import type { ProjectsTable } from '../schema/read-model.tables';
import { projectCreated, recorded } from '../testing/project-events.fixture';
import { projectEvent } from './project.projection';
import { applyStatsDelta, statsDelta } from './stats.projection';

const created = projectEvent(null, recorded(projectCreated(), 0, 1)).after;
const withRow = (changes: Partial<ProjectsTable>): ProjectsTable => ({ ...created, ...changes });

describe('statistics projection', () => {
  it('counts a new project once in each of region, status, fundingYear and projectType', () => {
    expect(statsDelta(null, created)).toEqual([
      { dimension: 'region', key: 'Asia and Oceania', currency: 'USD', projects: 1, total: '200000.00' },
      { dimension: 'status', key: 'planned', currency: 'USD', projects: 1, total: '200000.00' },
      { dimension: 'fundingYear', key: '2014', currency: 'USD', projects: 1, total: '200000.00' },
      { dimension: 'projectType', key: 'TCMMCB', currency: 'USD', projects: 1, total: '200000.00' },
    ]);
  });

  it('moves a project between status buckets and leaves other dimensions untouched', () => {
    expect(statsDelta(created, withRow({ status: 'active' }))).toEqual([
      { dimension: 'status', key: 'planned', currency: 'USD', projects: -1, total: '-200000' },
      { dimension: 'status', key: 'active', currency: 'USD', projects: 1, total: '200000.00' },
    ]);
  });

  it('adds only the exact budget difference on a revision', () => {
    const deltas = statsDelta(created, withRow({ budgetAmount: '200000.10' }));
    expect(deltas).toHaveLength(4);
    expect(deltas.every((d) => d.projects === 0 && d.total === '0.1')).toBe(true);
  });

  it('sums money exactly where floats would drift', () => {
    let bucket = applyStatsDelta(undefined, {
      dimension: 'region',
      key: 'Africa',
      currency: 'USD',
      projects: 1,
      total: '0.1',
    });
    bucket = applyStatsDelta(bucket ?? undefined, {
      dimension: 'region',
      key: 'Africa',
      currency: 'USD',
      projects: 1,
      total: '0.2',
    });
    expect(bucket).toEqual({
      dimension: 'region',
      key: 'Africa',
      currency: 'USD',
      projects: 2,
      total: '0.3',
    });
  });

  it('drops a bucket once its last project leaves', () => {
    const bucket = { dimension: 'status', key: 'planned', currency: 'USD', projects: 1, total: '5' };
    expect(applyStatsDelta(bucket, { ...bucket, projects: -1, total: '-5' })).toBeNull();
  });
});
