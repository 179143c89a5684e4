import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type RecordedEvent } from '@ledger/event-store';
import { PROJECT_STREAM_PREFIX } from '@ledger/domain';
import { PROJECTS_SUBSCRIPTION, type ReadModel } from '../read-model.port';
import type { ReadModelFixture, ReadModelFixtureFactory } from './read-model.factories';

export interface ReadModelTestContext {
  fixture: ReadModelFixture;
  model: ReadModel;
  store: SqliteEventStore;
  /** Projects everything in the log after the read model's checkpoint, in one batch. */
  project(): Promise<void>;
  /** Every project event in the log. */
  log(): Promise<RecordedEvent[]>;
}

/** Fresh event store file and read-model location per test; everything is closed and removed afterwards. */
export function useReadModelContext(factory: ReadModelFixtureFactory): () => ReadModelTestContext {
  let ctx: ReadModelTestContext | undefined;
  let storeDir = '';
  beforeEach(async () => {
    storeDir = await mkdtemp(join(tmpdir(), 'rm-events-'));
    const store = new SqliteEventStore({ file: join(storeDir, 'events.sqlite'), pollIntervalMs: 20 });
    const fixture = await factory();
    const model = await fixture.open();
    const log = () => store.readAll({ filter: { streamPrefixes: [PROJECT_STREAM_PREFIX] }, limit: 100_000 });
    ctx = {
      fixture,
      model,
      store,
      log,
      async project() {
        const from = await model.checkpoint();
        const events = (await log()).filter((e) => e.position > from);
        if (events.length > 0) await model.applyBatch(PROJECTS_SUBSCRIPTION, events);
      },
    };
  });
  afterEach(async () => {
    if (ctx) {
      await ctx.model.close().catch(() => undefined);
      await ctx.store.close();
      await ctx.fixture.cleanup();
    }
    await rm(storeDir, { recursive: true, force: true });
    ctx = undefined;
  });
  return () => {
    if (!ctx) throw new Error('read-model test context used outside a test');
    return ctx;
  };
}
