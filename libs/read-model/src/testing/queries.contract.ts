import type { ProjectListQuery, ProjectView } from '../read-model.port';
import { appendProjectEvents, projectCreated } from './project-events.fixture';
import type { ReadModelFixtureFactory } from './read-model.factories';
import { useReadModelContext } from './read-model.context';

const usd = (amount: string) => ({ amount, currency: 'USD' });

/** Queries every read-model store must answer the same way. */
export function queriesContract(factory: ReadModelFixtureFactory): void {
  const ctx = useReadModelContext(factory);

  beforeEach(async () => {
    const { store } = ctx();
    await appendProjectEvents(store, 'TC.0789', [projectCreated()], '2026-01-01T00:00:00.000Z');
    await appendProjectEvents(
      store,
      'A.1',
      [
        projectCreated({
          projectId: 'A.1',
          primaId: null,
          title: 'Border management in Ghana',
          region: 'Africa',
          fundingYear: 2015,
          budget: usd('50000.00'),
          benefitingMemberStates: ['GH'],
        }),
      ],
      '2026-01-02T00:00:00.000Z',
    );
    await appendProjectEvents(
      store,
      'A.2',
      [
        projectCreated({
          projectId: 'A.2',
          primaId: null,
          title: 'Labour migration 100% Kenya_Uganda',
          region: 'Africa',
          fundingYear: 2015,
          projectType: 'LMD',
          coverage: 'regional',
          budget: usd('0.10'),
          benefitingMemberStates: ['KE', 'UG'],
        }),
        { type: 'ProjectStarted', data: { projectId: 'A.2', actualStart: '2015' } },
      ],
      '2026-01-03T00:00:00.000Z',
    );
    await appendProjectEvents(
      store,
      'E.1',
      [
        projectCreated({
          projectId: 'E.1',
          primaId: null,
          title: 'Return support',
          region: 'Europe',
          fundingYear: 2016,
          projectType: 'AVRR',
          budget: { amount: '75000.00', currency: 'EUR' },
          benefitingMemberStates: ['DE'],
        }),
      ],
      '2026-01-04T00:00:00.000Z',
    );
    await appendProjectEvents(
      store,
      'B.0',
      [
        projectCreated({
          projectId: 'B.0',
          primaId: null,
          title: 'MONGOLIAN herders',
          fundingYear: 2015,
          budget: usd('50000.00'),
        }),
      ],
      '2026-01-05T00:00:00.000Z',
    );
    await ctx().project();
  });

  const list = async (partial: Partial<ProjectListQuery>) =>
    (
      await ctx().model.listProjects({
        filter: {},
        sort: { field: 'title', descending: false },
        limit: 50,
        ...partial,
      })
    ).data;
  const ids = (items: ProjectView[]) => items.map((p) => p.projectId);

  it('filters by status, region, project type, coverage, funding year and member state', async () => {
    expect(ids((await list({ filter: { status: 'active' } })).items)).toEqual(['A.2']);
    expect(ids((await list({ filter: { region: 'Africa' } })).items)).toEqual(['A.1', 'A.2']);
    expect(ids((await list({ filter: { projectType: 'AVRR' } })).items)).toEqual(['E.1']);
    expect(ids((await list({ filter: { coverage: 'regional' } })).items)).toEqual(['A.2']);
    expect(ids((await list({ filter: { fundingYear: 2015, region: 'Asia and Oceania' } })).items)).toEqual([
      'B.0',
    ]);
    expect(ids((await list({ filter: { memberState: 'UG' } })).items)).toEqual(['A.2']);
  });

  it('searches titles case-insensitively and treats % and _ literally', async () => {
    expect(ids((await list({ filter: { q: 'mongolia' } })).items)).toEqual(['B.0', 'TC.0789']);
    expect(ids((await list({ filter: { q: '100%' } })).items)).toEqual(['A.2']);
    expect(ids((await list({ filter: { q: 'a_u' } })).items)).toEqual(['A.2']);
    expect(ids((await list({ filter: { q: '%' } })).items)).toEqual(['A.2']);
  });

  it('sorts budgets by value, not as text, with projectId breaking ties', async () => {
    expect(ids((await list({ sort: { field: 'budget', descending: false } })).items)).toEqual([
      'A.2',
      'A.1',
      'B.0',
      'E.1',
      'TC.0789',
    ]);
    expect(ids((await list({ sort: { field: 'budget', descending: true } })).items)).toEqual([
      'TC.0789',
      'E.1',
      'A.1',
      'B.0',
      'A.2',
    ]);
  });

  it('sorts by updatedAt descending', async () => {
    expect(ids((await list({ sort: { field: 'updatedAt', descending: true } })).items)).toEqual([
      'B.0',
      'E.1',
      'A.2',
      'A.1',
      'TC.0789',
    ]);
  });

  it('pages with a keyset: every project exactly once, in order, across ties', async () => {
    const sort = { field: 'fundingYear' as const, descending: false };
    const seen: string[] = [];
    let page = await list({ sort, limit: 2 });
    seen.push(...ids(page.items));
    while (page.next) {
      page = await list({ sort, limit: 2, after: page.next });
      seen.push(...ids(page.items));
    }
    expect(seen).toEqual(['TC.0789', 'A.1', 'A.2', 'B.0', 'E.1']);
  });

  it('totals budgets exactly per group and keeps currencies apart', async () => {
    expect((await ctx().model.budgetStats('region')).data).toEqual([
      { key: 'Africa', projects: 2, budget: { currency: 'USD', total: '50000.10' } },
      { key: 'Asia and Oceania', projects: 2, budget: { currency: 'USD', total: '250000.00' } },
      { key: 'Europe', projects: 1, budget: { currency: 'EUR', total: '75000.00' } },
    ]);
    expect((await ctx().model.budgetStats('fundingYear')).data.map((s) => [s.key, s.projects])).toEqual([
      [2014, 1],
      [2015, 3],
      [2016, 1],
    ]);
  });

  it('answers null for the budget revisions of an unknown project and [] for a project without revisions', async () => {
    expect((await ctx().model.budgetRevisions('NOPE')).data).toBeNull();
    expect((await ctx().model.budgetRevisions('A.1')).data).toEqual([]);
  });
}
