import { MONGOLIA_CREATE_BODY } from '@ledger/domain';
import { InMemoryEventStore, WrongExpectedRevisionError, type EventStore } from '@ledger/event-store';
import { LedgerMetrics } from '@ledger/platform';
import type { ReadModel } from '@ledger/read-model';
import { CommandRunner, type CommandInput } from './command-runner';

const NOW = new Date('2020-06-15T12:00:00Z');
const create: CommandInput = {
  type: 'CreateProject',
  projectId: null,
  body: MONGOLIA_CREATE_BODY,
  actor: 'test',
};
const start = (extra: Partial<CommandInput> = {}): CommandInput => ({
  type: 'StartProject',
  projectId: 'TC.0789',
  body: { actualStart: '2014-03' },
  actor: 'test',
  ...extra,
});

/** A store on which another process always appends first: every append of ours loses the race. */
class AlwaysRacedStore extends InMemoryEventStore {
  override async append(...args: Parameters<EventStore['append']>) {
    const [streamId, , expected] = args;
    if (expected !== 'no-stream') throw new WrongExpectedRevisionError(streamId, expected, 99);
    return super.append(args[0], args[1], args[2]);
  }
}

function runnerOn(store: EventStore, readModel?: Partial<ReadModel>) {
  const metrics = new LedgerMetrics();
  const runner = new CommandRunner(
    store,
    { now: () => NOW },
    metrics,
    { id: 'test-instance' },
    readModel as ReadModel | undefined,
  );
  const counted = async () =>
    (await metrics.registry.getSingleMetricAsString('ledger_commands_total')).trim();
  return { runner, counted };
}

describe('CommandRunner outcomes', () => {
  it('accepts, then replays the same command id without writing again', async () => {
    const store = new InMemoryEventStore();
    const { runner } = runnerOn(store);
    expect(await runner.execute(create)).toEqual({
      kind: 'accepted',
      result: { projectId: 'TC.0789', revision: 0, position: 1 },
    });
    const first = await runner.execute(start({ commandId: 'cmd-1' }));
    expect(first).toMatchObject({ kind: 'accepted', result: { revision: 1 } });
    expect(await runner.execute(start({ commandId: 'cmd-1' }))).toEqual({ ...first, kind: 'replayed' });
    expect(await store.headPosition()).toBe(2);
  });

  it('answers invalid input, an unknown project and a broken rule with values, writing nothing', async () => {
    const store = new InMemoryEventStore();
    const { runner, counted } = runnerOn(store);
    expect(await runner.execute(start({ body: { actualStart: 'soon' } }))).toMatchObject({
      kind: 'invalid',
      errors: [{ field: 'actualStart', code: 'INVALID_FORMAT' }],
    });
    expect(await runner.execute(start())).toMatchObject({ kind: 'not-found', projectId: 'TC.0789' });
    await runner.execute(create);
    expect(
      await runner.execute({ ...start(), type: 'CompleteProject', body: { actualEnd: '2016' } }),
    ).toMatchObject({
      kind: 'rejected',
      code: 'PROJECT.NOT_ACTIVE',
    });
    expect(await store.headPosition()).toBe(1);
    const metrics = await counted();
    expect(metrics).toContain('ledger_commands_total{type="StartProject",outcome="invalid"} 1');
    expect(metrics).toContain('ledger_commands_total{type="StartProject",outcome="rejected"} 1');
  });

  it('is stale when If-Match names another revision', async () => {
    const { runner } = runnerOn(new InMemoryEventStore());
    await runner.execute(create);
    expect(await runner.execute(start({ expectedRevision: 3 }))).toEqual({
      kind: 'stale',
      projectId: 'TC.0789',
      expectedRevision: 3,
      currentRevision: 0,
    });
  });

  it('gives up with conflict after losing the append race again and again, and counts it', async () => {
    const store = new AlwaysRacedStore();
    const { runner, counted } = runnerOn(store);
    await runner.execute(create);
    expect(await runner.execute(start())).toEqual({ kind: 'conflict', projectId: 'TC.0789' });
    expect(await counted()).toContain('ledger_commands_total{type="StartProject",outcome="conflict"} 1');
  });

  it('refuses a Prima ID another project holds, before reading the stream', async () => {
    const { runner } = runnerOn(new InMemoryEventStore(), {
      projectIdByPrimaId: async () => 'TC.0001',
      waitForPosition: async () => true,
    });
    expect(await runner.execute(create)).toMatchObject({ kind: 'rejected', code: 'PROJECT.PRIMA_ID_TAKEN' });
  });

  describe('after a restart, with projects stored but not yet projected', () => {
    /** The same Prima ID as MONGOLIA_CREATE_BODY, under another project id. */
    const sameprimaId = { ...create, body: { ...MONGOLIA_CREATE_BODY, projectId: 'TC.0790' } };

    /**
     * A read model that has applied nothing yet; `catchUp()` applies what the store holds. `waiting`
     * resolves once the runner is waiting for it to catch up.
     */
    function laggingReadModel(store: InMemoryEventStore) {
      let applied = 0;
      let caughtUp: () => void = () => undefined;
      let startedWaiting: () => void = () => undefined;
      const reached = new Promise<void>((resolve) => (caughtUp = resolve));
      const waiting = new Promise<void>((resolve) => (startedWaiting = resolve));
      const readModel: Partial<ReadModel> = {
        projectIdByPrimaId: async (primaId) =>
          applied >= 1 && primaId === MONGOLIA_CREATE_BODY.primaId ? 'TC.0789' : null,
        waitForPosition: async (position) => {
          if (applied >= position) return true;
          startedWaiting();
          return Promise.race([reached.then(() => true), never]);
        },
      };
      const catchUp = async () => {
        applied = await store.headPosition();
        caughtUp();
      };
      return { readModel, catchUp, waiting };
    }
    const never = new Promise<boolean>(() => undefined);

    it('waits for the read model before trusting it, so a second create of the Prima ID is refused', async () => {
      const store = new InMemoryEventStore();
      await runnerOn(store).runner.execute(create); // the process before the restart
      const { readModel, catchUp, waiting } = laggingReadModel(store);
      const { runner } = runnerOn(store, readModel); // the restarted process: its claims are empty

      const outcome = runner.execute(sameprimaId);
      await waiting; // the runner asked for the read model to catch up (not: 50 ms have passed)
      await catchUp();

      expect(await outcome).toMatchObject({ kind: 'rejected', code: 'PROJECT.PRIMA_ID_TAKEN' });
      expect(await store.headPosition()).toBe(1);
    });

    it('answers 503 PROJECTION.BEHIND and writes nothing when the read model does not catch up in time', async () => {
      const store = new InMemoryEventStore();
      await runnerOn(store).runner.execute(create);
      const { runner } = runnerOn(store, {
        waitForPosition: async () => false,
        projectIdByPrimaId: async () => null,
      });

      await expect(runner.execute(sameprimaId)).rejects.toMatchObject({
        problem: { status: 503, code: 'PROJECTION.BEHIND' },
      });
      expect(await store.headPosition()).toBe(1);
    });
  });

  it('checks that a correction names an event that stated the corrected fields', async () => {
    const store = new InMemoryEventStore();
    const { runner } = runnerOn(store);
    const correction = (eventId: string, revision: number) => ({
      type: 'CorrectProjectRecord' as const,
      projectId: 'TC.0789',
      body: { eventId, revision, values: { actualStart: '2014-04' }, reason: 'typo', approver: 'a@b.org' },
      actor: 'admin',
    });
    const unknownEvent = '6f1c2a8e-3b5d-5e7f-9a1b-2c3d4e5f6a7b';
    expect(await runner.execute(correction(unknownEvent, 0))).toMatchObject({ kind: 'not-found' });
    await runner.execute(create);
    const [created] = await store.readStream('project-TC.0789');
    expect(await runner.execute(correction(created.eventId, 0))).toMatchObject({
      kind: 'rejected',
      code: 'CORRECTION.TARGET_MISMATCH',
    });
  });

  it("refuses a correction that gives a project another project's Prima ID, and allows a free one", async () => {
    const store = new InMemoryEventStore();
    const { runner } = runnerOn(store, {
      waitForPosition: async () => true,
      projectIdByPrimaId: async () => null,
    });
    await runner.execute(create); // TC.0789 holds MN10P0001
    const other = { ...MONGOLIA_CREATE_BODY, projectId: 'TC.0790', primaId: 'MN10P0002' };
    await runner.execute({ ...create, body: other });
    const [created] = await store.readStream('project-TC.0790');
    const correctPrimaId = (primaId: string) =>
      runner.execute({
        type: 'CorrectProjectRecord',
        projectId: 'TC.0790',
        body: {
          eventId: created.eventId,
          revision: 0,
          values: { primaId },
          reason: 'typo',
          approver: 'a@b.org',
        },
        actor: 'admin',
      });

    expect(await correctPrimaId('MN10P0001')).toMatchObject({
      kind: 'rejected',
      code: 'PROJECT.PRIMA_ID_TAKEN',
    });
    expect(await store.headPosition()).toBe(2);
    expect(await correctPrimaId('MN10P0003')).toMatchObject({ kind: 'accepted' });
  });
});
