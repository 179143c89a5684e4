import { randomUUID } from 'node:crypto';
import { formatAmount, projectStreamId, type ProjectEvent } from '@ledger/domain';
import { budgetRevised, projectCreated, projectStarted } from '@ledger/domain/testing/project.fixtures';
import { SqliteEventStore } from '@ledger/event-store';
import { tempDir } from '@ledger/event-store/testing/temp-sqlite.fixture';
import { readIatiRecord, readIatiRecords } from './iati-export';

const toAppend = (events: ProjectEvent[]) =>
  events.map((e) => ({
    eventId: randomUUID(),
    type: e.type,
    data: e.data,
    metadata: { recordedAt: '2020-01-01T00:00:00Z' },
  }));

describe('readIatiRecords over a real SQLite event store', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let store: SqliteEventStore;
  beforeEach(async () => {
    dir = await tempDir('iati-export-');
    store = new SqliteEventStore({ file: dir.file });
  });
  afterEach(async () => {
    await store.close();
    await dir.remove();
  });

  it('folds projects whose events span several pages of the log, in project id order', async () => {
    // 1,200 revisions push the log past one 1,000-event page; the second project lands after them.
    const revisions: ProjectEvent[] = [];
    for (let i = 1; i <= 1200; i++) {
      const previous = formatAmount(String(200000 + i - 1), 'USD');
      const amount = formatAmount(String(200000 + i), 'USD');
      revisions.push(
        budgetRevised({
          previous,
          amount,
          delta: '1.00',
          effectiveDate: `2015-01-${String((i % 28) + 1).padStart(2, '0')}`,
        }),
      );
    }
    await store.append(
      projectStreamId('TC.0789'),
      toAppend([projectCreated(), projectStarted()]),
      'no-stream',
    );
    for (let i = 0; i < revisions.length; i += 400) {
      await store.append(projectStreamId('TC.0789'), toAppend(revisions.slice(i, i + 400)), 'any');
    }
    await store.append(
      projectStreamId('AA.0001'),
      toAppend([projectCreated({ projectId: 'AA.0001', region: 'Africa', benefitingMemberStates: ['KE'] })]),
      'no-stream',
    );

    const records = await readIatiRecords(store);
    expect(records.map((r) => r.project.projectId)).toEqual(['AA.0001', 'TC.0789']);
    expect(records[1].project).toMatchObject({
      budget: { amount: '201200.00', currency: 'USD' },
      budgetRevisionCount: 1200,
    });
    expect(records[1].revisions).toHaveLength(28);

    expect((await readIatiRecords(store, { region: ['Africa'] })).map((r) => r.project.projectId)).toEqual([
      'AA.0001',
    ]);
    expect((await readIatiRecords(store, { status: ['active'] })).map((r) => r.project.projectId)).toEqual([
      'TC.0789',
    ]);
    expect((await readIatiRecord(store, 'AA.0001'))?.project.region).toBe('Africa');
    expect(await readIatiRecord(store, 'NO.SUCH')).toBeNull();
  });
});
