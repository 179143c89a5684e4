import { latestCheckpoint } from '@ledger/audit';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { mongoliaProject } from './support/mongolia';
import { RunningLedger, startLedger } from './support/standalone-harness';

const EVERY = 5;

async function checkpointedPosition(ledger: RunningLedger, atLeast: number): Promise<number> {
  const store = ledger.app.get<EventStore>(EVENT_STORE);
  // Up to 20 s: the checkpointer catches up in the background, at a loaded machine's pace.
  for (let i = 0; i < 400; i++) {
    const position = (await latestCheckpoint(store))?.data.position ?? 0;
    if (position >= atLeast) return position;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return (await latestCheckpoint(store))?.data.position ?? 0;
}

/** Events stored since the last automatic checkpoint are covered right after a restart, not 1000 events later. */
describe('automatic audit checkpoints across a restart', () => {
  let ledger: RunningLedger | undefined;
  afterEach(async () => ledger?.stop());

  it('covers the events left uncovered by the previous run as soon as the restarted ledger catches up', async () => {
    ledger = await startLedger({ auditCheckpointEvery: EVERY });
    for (let n = 0; n < 7; n++) {
      const created = await ledger.call('POST', '/projects', {
        body: { ...mongoliaProject, projectId: `CP.${n}`, primaId: null },
        role: 'publisher',
      });
      expect(created.status).toBe(201);
    }
    // Positions 1-5 are covered by the periodic checkpoint (position 6 is the checkpoint itself); 7 and 8 are not.
    expect(await checkpointedPosition(ledger, EVERY)).toBe(EVERY);
    const head = await ledger.app.get<EventStore>(EVENT_STORE).headPosition();
    await ledger.stop({ keepData: true });

    ledger = await startLedger({ auditCheckpointEvery: EVERY, dataDir: ledger.dataDir });
    expect(await checkpointedPosition(ledger, head)).toBe(head);
  }, 60_000);
});
