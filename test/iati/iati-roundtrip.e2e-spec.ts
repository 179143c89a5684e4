import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { foldProject, projectStreamId, type ProjectEvent } from '@ledger/domain';
import { SqliteEventStore } from '@ledger/event-store';
import { loadConfig, type AppConfig } from '@ledger/platform';
import { importIati } from '../../apps/cli/src/iati-import.command';
import { startLedger, type RunningLedger } from '../support/standalone-harness';
import { capturedIo } from './support/captured-io';
import { balkanProject, recordCompletedMongolia } from './support/iati-ledger';

async function eventsOver(ledger: RunningLedger, id: string) {
  const response = await ledger.call('GET', `/projects/${id}/events`, { role: 'auditor' });
  return (await response.json()) as { type: string; data: unknown }[];
}

async function readStore(dataDir: string, id: string) {
  const store = new SqliteEventStore({ file: join(dataDir, 'events.sqlite') });
  try {
    return { events: await store.readStream(projectStreamId(id)), head: await store.headPosition() };
  } finally {
    await store.close();
  }
}

const IDS = ['TC.0789', 'RE.0101', 'SU.0001', 'CA.0001'];
const fold = (events: { type: string; data: unknown }[]) =>
  foldProject(events.map((e) => ({ type: e.type, data: e.data }) as ProjectEvent));
const revisionsOf = (events: { type: string; data: unknown }[]) =>
  events
    .filter((e) => e.type === 'ProjectBudgetRevised')
    .map((e) => {
      const { amount, currency, reason, effectiveDate, previous } = e.data as Record<string, string>;
      return { amount, currency, reason, effectiveDate, previous };
    });

/** IATI carries no suspension or cancellation reason: the import writes its own. */
const withoutReason = (state: ReturnType<typeof fold>) => ({ ...state, statusReason: null });

describe('IATI round trip: export from one ledger, import into another', () => {
  let source: RunningLedger;
  let target: string;
  let file: string;
  let config: AppConfig;

  beforeAll(async () => {
    source = await startLedger();
    await recordCompletedMongolia(source);
    expect((await source.call('POST', '/projects', { role: 'publisher', body: balkanProject })).status).toBe(
      201,
    );
    for (const [id, last] of [
      ['SU.0001', 'suspend'],
      ['CA.0001', 'cancel'],
    ]) {
      const body = {
        ...balkanProject,
        projectId: id,
        coverage: 'national',
        benefitingMemberStates: ['Viet Nam'],
        region: 'Asia and Oceania',
      };
      expect((await source.call('POST', '/projects', { role: 'publisher', body })).status).toBe(201);
      expect(
        (
          await source.call('POST', `/projects/${id}/start`, {
            role: 'publisher',
            body: { actualStart: '2019-08' },
          })
        ).status,
      ).toBe(200);
      expect(
        (
          await source.call('POST', `/projects/${id}/${last}`, {
            role: 'publisher',
            body: { reason: 'Border crossings closed' },
          })
        ).status,
      ).toBe(200);
    }
    target = mkdtempSync(join(tmpdir(), 'ledger-iati-target-'));
    file = join(target, 'export.xml');
    const parts = await Promise.all(
      IDS.map(async (id) => (await source.call('GET', `/projects/${id}/iati`, { role: 'reader' })).text()),
    );
    // One file with every activity, as `npm run export` would write it.
    const activities = parts.map((xml) =>
      xml.slice(xml.indexOf('  <iati-activity'), xml.indexOf('</iati-activities>')),
    );
    writeFileSync(
      file,
      parts[0].slice(0, parts[0].indexOf('  <iati-activity')) + activities.join('') + '</iati-activities>\n',
    );
    config = { ...loadConfig({}), dataDir: join(target, 'data'), logLevel: 'silent' };
  });
  afterAll(async () => {
    await source.stop();
    rmSync(target, { recursive: true, force: true });
  });

  it('recreates every field both sides carry, and the budget history', async () => {
    const io = capturedIo();
    expect(await importIati({ kind: 'import-iati', file }, config, io)).toBe(0);
    expect(io.out).toContain(
      'Activities: 4; projects present: 4; events appended by 11 command(s); 0 command(s) already imported; 4 kept source record(s) written.',
    );
    for (const id of IDS) {
      const original = await eventsOver(source, id);
      const imported = (await readStore(config.dataDir, id)).events;
      expect(withoutReason(fold(imported))).toEqual(withoutReason(fold(original)));
      expect(revisionsOf(imported)).toEqual(revisionsOf(original));
    }
  });

  it('appends nothing when the same file is imported again', async () => {
    const before = await readStore(config.dataDir, 'TC.0789');
    const io = capturedIo();
    expect(await importIati({ kind: 'import-iati', file }, config, io)).toBe(0);
    expect(io.out).toContain(
      'events appended by 0 command(s); 11 command(s) already imported; 0 kept source record(s) written.',
    );
    expect((await readStore(config.dataDir, 'TC.0789')).head).toBe(before.head);
  });

  it('records the import as its own actor', async () => {
    const { events } = await readStore(config.dataDir, 'TC.0789');
    expect(new Set(events.map((e) => e.metadata.actor))).toEqual(new Set(['cli:iati-import']));
  });
});
