import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { XMLParser } from 'fast-xml-parser';
import { loadConfig } from '@ledger/platform';
import { exportIati } from '../../apps/cli/src/iati-export.command';
import { MONGOLIA_IATI_XML } from '../../libs/iati/src/testing/iati.fixtures';
import { startLedger, type RunningLedger } from '../support/standalone-harness';
import { capturedIo } from './support/captured-io';
import { validateIati } from './support/iati-schema.validator';
import { balkanProject, recordCompletedMongolia } from './support/iati-ledger';

const ROOT = resolve(__dirname, '..', '..');
const run = promisify(execFile);

/** The real entry point, as `npm run import/export` runs it (compiled on the fly instead of by npm run build). */
async function cli(
  args: string[],
  dataDir: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['-r', '@swc-node/register', 'apps/cli/src/main.ts', ...args],
      {
        cwd: ROOT,
        env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'error' },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const identifiers = (xml: string): string[] =>
  new XMLParser({ isArray: (name) => name === 'iati-activity' })
    .parse(xml)
    ['iati-activities']['iati-activity'].map((a: Record<string, string>) => a['iati-identifier']);

describe('IATI CLI', () => {
  let ledger: RunningLedger;
  let scratch: string;
  beforeAll(async () => {
    ledger = await startLedger();
    await recordCompletedMongolia(ledger);
    expect((await ledger.call('POST', '/projects', { role: 'publisher', body: balkanProject })).status).toBe(
      201,
    );
    scratch = mkdtempSync(join(tmpdir(), 'ledger-iati-cli-'));
  });
  afterAll(async () => {
    await ledger.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  const config = () => ({ ...loadConfig({}), dataDir: ledger.dataDir, logLevel: 'silent' });

  it('exports every project as one schema-valid document, sorted by project id', async () => {
    const io = capturedIo();
    expect(
      await exportIati({ kind: 'export-iati', status: [], region: [], projectIds: [] }, config(), io),
    ).toBe(0);
    expect(identifiers(io.out)).toEqual(['XM-DAC-47066-RE.0101', 'XM-DAC-47066-TC.0789']);
    expect(await validateIati(io.out)).toEqual({ valid: true, errors: [] });
  });

  it('filters by status and by region', async () => {
    const byStatus = capturedIo();
    await exportIati(
      { kind: 'export-iati', status: ['completed'], region: [], projectIds: [] },
      config(),
      byStatus,
    );
    expect(identifiers(byStatus.out)).toEqual(['XM-DAC-47066-TC.0789']);
    const byRegion = capturedIo();
    await exportIati(
      { kind: 'export-iati', status: [], region: ['Europe'], projectIds: [] },
      config(),
      byRegion,
    );
    expect(identifiers(byRegion.out)).toEqual(['XM-DAC-47066-RE.0101']);
  });

  it('writes nothing and fails when no project matches: an IATI file needs at least one activity', async () => {
    const io = capturedIo();
    expect(
      await exportIati(
        { kind: 'export-iati', status: ['cancelled'], region: [], projectIds: [] },
        config(),
        io,
      ),
    ).toBe(1);
    expect(io.out).toBe('');
    expect(io.err).toContain('No project matches');
  });

  it('prints only the XML on stdout from the real entry point', async () => {
    const result = await cli(
      ['export', 'iati', '--status', 'completed', '--region', 'asia-and-oceania'],
      ledger.dataDir,
    );
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities')).toBe(true);
    expect(result.stdout.trimEnd().endsWith('</iati-activities>')).toBe(true);
    expect(result.stderr).toContain('Exported 1 project(s)');
  });

  it('writes the same document into a file with --out, leaving stdout empty', async () => {
    const io = capturedIo();
    const out = join(scratch, 'out.xml');
    expect(
      await exportIati(
        { kind: 'export-iati', status: [], region: [], projectIds: ['TC.0789'], out },
        config(),
        io,
      ),
    ).toBe(0);
    expect(io.out).toBe('');
    expect(identifiers(readFileSync(out, 'utf8'))).toEqual(['XM-DAC-47066-TC.0789']);
  });

  it('imports a file from the real entry point and lists what it skipped and why', async () => {
    const file = join(scratch, 'two.xml');
    // Without a vocabulary-99 region and with a country the region policy places nowhere.
    const noRegion = MONGOLIA_IATI_XML.replace(/<recipient-region[\s\S]*?<\/recipient-region>/, '')
      .replace('TC.0789', 'TC.0790')
      .replace(
        '<recipient-country code="MN" percentage="100"',
        '<recipient-country code="US" percentage="100"',
      );
    writeFileSync(
      file,
      MONGOLIA_IATI_XML.replace('</iati-activities>', noRegion.slice(noRegion.indexOf('  <iati-activity'))),
    );
    const report = join(scratch, 'report.json');
    const result = await cli(['import', 'iati', file, '--report', report], join(scratch, 'data'));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Activities: 2; projects present: 1; events appended by 6 command(s)');
    expect(result.stdout).toContain('XM-DAC-47066-TC.0790: skipped\n  refused iati-activity: no region');
    const written = JSON.parse(readFileSync(report, 'utf8')) as {
      report: { activity: string; outcome: string; kept: string[] }[];
    };
    expect(written.report.map((a) => [a.activity, a.outcome])).toEqual([
      ['XM-DAC-47066-TC.0789', 'imported'],
      ['XM-DAC-47066-TC.0790', 'skipped'],
    ]);
    expect(written.report[0].kept).toContain('reporting-org');
  });

  it('rejects a bad command line with the usage and exit code 2', async () => {
    const result = await cli(['export', 'iati', '--status', 'finished'], join(scratch, 'data'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--status "finished" is not one of');
    expect(result.stdout).toBe('');
  });

  it('`npm run -s export -- iati … > out.xml` (exactly as the docs write it) leaves only valid IATI XML in the file', async () => {
    const out = join(scratch, 'npm-run-export.xml');
    await run('bash', ['-c', `npm run -s export -- iati --project TC.0789 > ${out}`], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: ledger.dataDir, LOG_LEVEL: 'error' },
    });
    const xml = readFileSync(out, 'utf8');
    expect(identifiers(xml)).toEqual(['XM-DAC-47066-TC.0789']);
    expect(await validateIati(xml)).toEqual({ valid: true, errors: [] });
  }, 60_000);
});
