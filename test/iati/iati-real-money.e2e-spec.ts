import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectStreamId } from '@ledger/domain';
import { SqliteEventStore } from '@ledger/event-store';
import { MONGOLIA_IATI_XML } from '../../libs/iati/src/testing/iati.fixtures';
import { loadConfig, type AppConfig } from '@ledger/platform';
import { importIati } from '../../apps/cli/src/iati-import.command';
import { startLedger, type RunningLedger } from '../support/standalone-harness';
import { capturedIo } from './support/captured-io';
import { validateIati } from './support/iati-schema.validator';

const IOM = join(__dirname, '..', 'fixtures', 'iati-real', 'iom-somalia-dp-2154.xml');
const P = '/projects/DP.2154';

async function headOf(dataDir: string): Promise<number> {
  const store = new SqliteEventStore({ file: join(dataDir, 'events.sqlite') });
  try {
    return await store.headPosition();
  } finally {
    await store.close();
  }
}

/** The events an import writes: the project's stream and the kept source's. */
async function importedEvents(dataDir: string): Promise<string[]> {
  const store = new SqliteEventStore({ file: join(dataDir, 'events.sqlite') });
  try {
    const streams = [projectStreamId('DP.2154'), 'iati-source-DP.2154'];
    const events = await Promise.all(streams.map((s) => store.readStream(s)));
    return events.flat().map((e) => e.eventId);
  } finally {
    await store.close();
  }
}

/**
 * The real IOM activity DP.2154 (Japan funds it; one incoming commitment of USD 1,459,753.72) imported from
 * its IATI file answers the money questions over HTTP like a project recorded in the ledger (SQLite).
 */
describe('real IATI money: the IOM activity answers /transactions, /finances and /stats/finances', () => {
  let dir: string;
  let config: AppConfig;
  let ledger: RunningLedger;
  let head: number;
  let summary: string;
  let report: {
    report: {
      refused: { element: string; reason: string }[];
      kept: string[];
      held: Record<string, number>;
    }[];
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-iati-money-'));
    config = { ...loadConfig({}), dataDir: join(dir, 'data'), logLevel: 'silent' };
    const io = capturedIo();
    const reportFile = join(dir, 'report.json');
    expect(await importIati({ kind: 'import-iati', file: IOM, report: reportFile }, config, io)).toBe(0);
    summary = io.out;
    report = JSON.parse(readFileSync(reportFile, 'utf8')) as typeof report;
    head = await headOf(config.dataDir);
    ledger = await startLedger({ dataDir: config.dataDir });
  }, 60_000);
  afterAll(async () => {
    await ledger.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = async (path: string) => {
    const sep = path.includes('?') ? '&' : '?';
    const response = await ledger.call('GET', `${path}${sep}minPosition=${head}`, { role: 'reader' });
    expect(response.status).toBe(200);
    return response.json();
  };

  it('imports create, start, sectors, locations and the transaction as commands, refusing nothing of them', () => {
    expect(summary).toContain(
      'Activities: 1; projects present: 1; events appended by 5 command(s); 0 command(s) already imported',
    );
    expect(summary).toContain(
      '  held in fields: 2 participating organisation(s), 3 sector(s), 1 recipient-country share(s), 2 location(s), 1 transaction(s)\n',
    );
    expect(report.report[0].held).toEqual({
      participatingOrgs: 2,
      sectors: 3,
      recipientCountries: 1,
      locations: 2,
      transactions: 1,
      reversals: 0,
    });
    const refused = report.report[0].refused.map((r) => r.element);
    expect(refused.filter((e) => /^(sector|location|transaction|recipient-country)/.test(e))).toEqual([]);
  });

  it('holds the funder, the sectors of three vocabularies, the country share and both places', async () => {
    // The profile lives in the domain's state (the read model's project row does not carry it).
    const now = new Date().toISOString();
    const asOf = await ledger.call('GET', `${P}/as-of?recordedAt=${now}`, { role: 'auditor' });
    expect(asOf.status).toBe(200);
    const project = (await asOf.json()).state;
    expect(project.participatingOrgs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          role: 'funding',
          name: 'Japan - Ministry of Foreign Affairs',
          ref: 'XM-DAC-701-2',
          type: '10',
          activityId: 'XM-DAC-701-2-YK/IOM/71',
        }),
      ]),
    );
    const uri = 'https://data.iom.int/codelist/sector.pdf';
    expect(project.sectors).toEqual([
      { vocabulary: '99', code: 'DP', percentage: '100', vocabularyUri: uri },
      { vocabulary: '98', code: '01', percentage: '100', vocabularyUri: uri },
      { vocabulary: '1', code: '72010', percentage: '100', vocabularyUri: null },
    ]);
    expect(project.humanitarian).toBe(true);
    expect(project.recipientCountries).toEqual([{ country: 'SO', percentage: '100' }]);
    expect(project.locations.map((l: { name: string }) => l.name)).toEqual([
      'IOM Country Office - SO',
      'Somalia',
    ]);
  });

  it('lists its transaction and sums the committed amount in /finances', async () => {
    const listed = (await get(`${P}/transactions`)) as { items: Record<string, unknown>[] };
    expect(listed.items).toEqual([
      expect.objectContaining({
        ref: expect.stringMatching(/^iati-[0-9a-f]{12}$/),
        type: 'incoming-commitment',
        date: '2020-03-01',
        value: { amount: '1459753.72', currency: 'USD' },
        provider: {
          name: 'Japan - Ministry of Foreign Affairs',
          ref: 'XM-DAC-701-2',
          activityId: 'XM-DAC-701-2-YK/IOM/71',
        },
        reversal: null,
      }),
    ]);
    expect(await get(`${P}/finances`)).toEqual([
      expect.objectContaining({
        currency: 'USD',
        budget: '1459753.72',
        incomingCommitment: '1459753.72',
        spent: '0.00',
        lastTransactionDate: '2020-03-01',
      }),
    ]);
  });

  it('counts the commitment under its funder and its region in /stats/finances', async () => {
    expect(await get('/stats/finances?groupBy=funder')).toEqual([
      expect.objectContaining({ key: 'XM-DAC-701-2', currency: 'USD', incomingCommitment: '1459753.72' }),
    ]);
    expect(await get('/stats/finances?groupBy=region')).toEqual([
      expect.objectContaining({ key: 'Africa', currency: 'USD', incomingCommitment: '1459753.72' }),
    ]);
  });

  it('appends nothing when the file is imported again', async () => {
    const before = await importedEvents(config.dataDir);
    expect(before).toHaveLength(6);
    const io = capturedIo();
    expect(await importIati({ kind: 'import-iati', file: IOM }, config, io)).toBe(0);
    expect(io.out).toContain('events appended by 0 command(s); 5 command(s) already imported');
    expect(io.out).toContain('0 kept source record(s) written');
    expect(await importedEvents(config.dataDir)).toEqual(before);
  });

  it('exports what the ledger recorded since from the fields, the imported transaction once', async () => {
    const post = async (path: string, body: unknown) => {
      const response = await ledger.call('POST', `${P}${path}`, { role: 'publisher', body });
      expect(response.status).toBe(200);
    };
    const [imported] = ((await get(`${P}/transactions`)) as { items: { ref: string }[] }).items;
    await post('/transactions', {
      ref: 'D-1',
      type: 'disbursement',
      date: '2020-06-30',
      value: { amount: '250000.00', currency: 'USD' },
    });
    const xml = await (await ledger.call('GET', `${P}/iati`, { role: 'reader' })).text();
    expect(await validateIati(xml)).toEqual({ valid: true, errors: [] });
    const transactions = xml.match(/<transaction[ >][\s\S]*?<\/transaction>/g) ?? [];
    expect(transactions).toHaveLength(2);
    // The imported one as the publisher wrote it (no @ref, its flow, finance and aid types kept) ...
    expect(transactions[0]).toContain('<aid-type code="B03"/>');
    expect(transactions[0]).not.toContain(imported.ref);
    // ... and the one recorded in the ledger, from its fields.
    expect(transactions[1]).toContain('<transaction ref="D-1">');
    await post(`/transactions/${imported.ref}/reversal`, { reason: 'Pledge withdrawn', date: '2020-07-01' });
    const after = await (await ledger.call('GET', `${P}/iati`, { role: 'reader' })).text();
    expect(await validateIati(after)).toEqual({ valid: true, errors: [] });
    expect(after).toContain(`<transaction ref="${imported.ref}-reversal" ledger:reverses="${imported.ref}">`);
    expect(after.match(/<transaction[ >]/g)).toHaveLength(3);
  });
});

describe('IATI import of a finished activity: its transactions are recorded before it is completed', () => {
  it('records a 2014 transaction of a project completed in 2016, long past its closing window', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-iati-window-'));
    try {
      const config: AppConfig = { ...loadConfig({}), dataDir: join(dir, 'data'), logLevel: 'silent' };
      const file = join(dir, 'mongolia.xml');
      writeFileSync(
        file,
        MONGOLIA_IATI_XML.replace(
          '  </iati-activity>',
          '    <transaction ref="MN-D1"><transaction-type code="3"/><transaction-date iso-date="2014-06-30"/><value value-date="2014-06-30">45000</value></transaction>\n  </iati-activity>',
        ),
      );
      const io = capturedIo();
      expect(await importIati({ kind: 'import-iati', file }, config, io)).toBe(0);
      expect(io.out).toContain('1 transaction(s)');
      expect(io.out).not.toContain('refused');
      const store = new SqliteEventStore({ file: join(config.dataDir, 'events.sqlite') });
      try {
        const types = (await store.readStream(projectStreamId('TC.0789'))).map((e) => e.type);
        expect(types.indexOf('TransactionRecorded')).toBeGreaterThan(-1);
        expect(types.indexOf('TransactionRecorded')).toBeLessThan(types.indexOf('ProjectCompleted'));
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
