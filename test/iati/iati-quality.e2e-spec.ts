import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { QualityReport } from '@ledger/iati';
import { loadConfig } from '@ledger/platform';
import { checkIati } from '../../apps/cli/src/iati-check.command';
import { iatiQuality } from '../../apps/cli/src/iati-quality.command';
import { importIati } from '../../apps/cli/src/iati-import.command';
import { startLedger, type RunningLedger } from '../support/standalone-harness';
import { capturedIo } from './support/captured-io';
import { recordCompletedMongolia } from './support/iati-ledger';

const FIXTURES = join(__dirname, '..', 'fixtures', 'iati-real');

describe('GET /iati/quality', () => {
  let ledger: RunningLedger;
  beforeAll(async () => {
    ledger = await startLedger();
    await recordCompletedMongolia(ledger);
  }, 60_000);
  afterAll(() => ledger.stop());

  it('scores the publisher and names what each project fails, for a reader', async () => {
    const response = await ledger.call('GET', '/iati/quality', { role: 'reader' });
    expect(response.status).toBe(200);
    const report = (await response.json()) as QualityReport;
    expect(report.publishers.map((p) => [p.publisher, p.activities])).toEqual([['XM-DAC-47066', 1]]);
    expect(report.projects[0].iatiIdentifier).toBe('XM-DAC-47066-TC.0789');
    expect(report.projects[0].failing.map((f) => f.id)).toContain('core.participating-org');
  });

  it('is refused without a key', async () => {
    expect((await ledger.call('GET', '/iati/quality', { role: null })).status).toBe(401);
  });
});

describe('npm run iati -- quality / check', () => {
  it('scores imported real activities and checks any file against the rulesets', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-iati-quality-'));
    try {
      const config = { ...loadConfig({}), dataDir: join(dir, 'data'), logLevel: 'silent' as const };
      const file = join(FIXTURES, 'iom-somalia-dp-2154.xml');
      expect(await importIati({ kind: 'import-iati', file }, config, capturedIo())).toBe(0);
      const io = capturedIo(new Date('2020-06-30T00:00:00Z'));
      expect(await iatiQuality({ kind: 'iati-quality', projectIds: [] }, config, io)).toBe(0);
      expect(io.out).toContain('XM-DAC-47066: 1 activity, 1 current');
      expect(io.out).toContain('fails financials / Transaction – disbursement or expenditure');
      const checked = capturedIo();
      expect(
        await checkIati({ kind: 'iati-check', file: join(FIXTURES, 'es-maec-indonesia.xml') }, checked),
      ).toBe(1);
      expect(checked.out).toContain('ERROR 4.1.1 ES-DIR3-E04585801-009-001301');
      expect(checked.out).toContain('2 activities checked: 2 error(s), 0 warning(s).');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
