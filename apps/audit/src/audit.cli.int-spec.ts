import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HashChainingEventStore, loadSigningKey } from '@ledger/audit';
import { SqliteEventStore } from '@ledger/event-store';
import { AppConfig, loadConfig } from '@ledger/platform';
import { liveSqliteReadModelPath, rebuildReadModel } from '@ledger/read-model';
import { runAuditCli } from './audit.cli';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const created = (projectId: string, amount: string) => ({
  projectId,
  primaId: null,
  title: `Project ${projectId}`,
  description: null,
  projectType: 'TCMMCB',
  coverage: 'national',
  region: 'Asia and Oceania',
  fundingYear: 2014,
  plannedStart: '2014',
  plannedEnd: '2016',
  budget: { amount, currency: 'USD' },
  benefitingMemberStates: ['MN'],
});
const meta = (at: string) => ({ actor: 'api-key:publisher:test', recordedAt: at, schemaVersion: 1 });

describe('audit CLI', () => {
  let dir: string;
  let config: AppConfig;
  let lines: string[];
  const run = async (...argv: string[]) => {
    lines = [];
    return runAuditCli(argv, config, (line) => lines.push(line));
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'audit-cli-'));
    config = { ...loadConfig({}), dataDir: dir };
    const store = new HashChainingEventStore(new SqliteEventStore({ file: join(dir, 'events.sqlite') }));
    await store.append(
      'project-TC.0789',
      [
        {
          eventId: uuid(1),
          type: 'ProjectCreated',
          data: created('TC.0789', '180000.00'),
          metadata: meta('2014-01-20T10:00:00.000Z'),
        },
      ],
      'no-stream',
    );
    await store.append(
      'project-TC.0790',
      [
        {
          eventId: uuid(2),
          type: 'ProjectCreated',
          data: created('TC.0790', '50000.00'),
          metadata: meta('2014-02-01T10:00:00.000Z'),
        },
      ],
      'no-stream',
    );
    await store.append(
      'project-TC.0789',
      [
        {
          eventId: uuid(3),
          type: 'ProjectStarted',
          data: { projectId: 'TC.0789', actualStart: '2014-03' },
          metadata: meta('2014-04-02T08:00:00.000Z'),
        },
      ],
      'any',
    );
    await store.close();
    writeFileSync(join(dir, 'public.pem'), loadSigningKey({ dataDir: dir }).publicKeyPem);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('exports the whole log with its signed checkpoint, which verifies offline and fails after one changed byte', async () => {
    expect(await run('checkpoint')).toBe(0);
    const file = join(dir, 'log.ndjson');
    expect(await run('export', '--out', file)).toBe(0);
    expect(await run('verify-export', file, '--public-key', join(dir, 'public.pem'))).toBe(0);
    expect(lines[1]).toMatch(
      /^OK: 4 events in 3 streams; 1 signed checkpoint\(s\) verified, signed through position 3/,
    );

    writeFileSync(file, readFileSync(file, 'utf8').replace('"180000.00"', '"180001.00"'));
    expect(await run('verify-export', file, '--public-key', join(dir, 'public.pem'))).toBe(1);
    expect(lines.join('\n')).toMatch(/CHAIN\.HASH_MISMATCH \(stream project-TC\.0789, revision 0\)/);
  });

  it('rejects an export when the checkpoint was signed with another key', async () => {
    await run('checkpoint');
    const file = join(dir, 'log.ndjson');
    await run('export', '--out', file);
    const other = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    writeFileSync(join(dir, 'other.pem'), other);
    expect(await run('verify-export', file, '--public-key', join(dir, 'other.pem'))).toBe(1);
    expect(lines.join('\n')).toMatch(/CHECKPOINT\.WRONG_KEY[\s\S]*CHECKPOINT\.NONE_VERIFIED/);
  });

  it('exports one project with a checkpoint proof that verifies offline, and fails when a signed head is altered', async () => {
    await run('checkpoint');
    const file = join(dir, 'project.ndjson');
    expect(await run('export', '--project', 'TC.0789', '--out', file)).toBe(0);
    const exported = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(exported.map((l) => l.kind)).toEqual(['header', 'event', 'event', 'checkpoint-proof']);
    expect(await run('verify-export', file, '--public-key', join(dir, 'public.pem'))).toBe(0);
    const proof = exported[3];
    proof.heads[0] = proof.heads[0].replace(/:(\d+):/, (_: string, r: string) => `:${Number(r) + 1}:`);
    writeFileSync(file, exported.map((l) => JSON.stringify(l)).join('\n'));
    expect(await run('verify-export', file, '--public-key', join(dir, 'public.pem'))).toBe(1);
    expect(lines.join('\n')).toMatch(/CHECKPOINT\.HEADS_MISMATCH/);
  });

  it('writes CSV with one row per event', async () => {
    const file = join(dir, 'log.csv');
    expect(await run('export', '--format', 'csv', '--out', file)).toBe(0);
    const rows = readFileSync(file, 'utf8').trim().split('\n');
    expect(rows[0]).toBe(
      'position,streamId,revision,eventId,type,recordedAt,actor,commandId,correlationId,prevHash,hash,data',
    );
    expect(rows).toHaveLength(4);
    expect(rows[3]).toMatch(/^3,project-TC\.0789,1,/);
  });

  it('leaves no output file behind when the export fails, and keeps an earlier one intact', async () => {
    const file = join(dir, 'log.ndjson');
    const broken = mkdtempSync(join(tmpdir(), 'audit-cli-broken-'));
    writeFileSync(join(broken, 'events.sqlite'), 'not a database, just text that is long enough');
    // As a user runs it: its own process, so whatever it opened is flushed to disk before we look.
    const exportFails = () =>
      promisify(execFile)(
        process.execPath,
        ['-r', '@swc-node/register', 'apps/audit/src/main.ts', 'export', '--out', file],
        { cwd: join(__dirname, '..', '..', '..'), env: { ...process.env, DATA_DIR: broken } },
      ).then(
        () => 0,
        (error: { code: number }) => error.code,
      );
    try {
      expect(await exportFails()).toBe(2);
      expect(existsSync(file)).toBe(false);
      writeFileSync(file, 'an earlier export\n');
      expect(await exportFails()).toBe(2);
      expect(readFileSync(file, 'utf8')).toBe('an earlier export\n');
      expect(readdirSync(dir).filter((name) => name.includes('partial'))).toEqual([]);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  }, 60_000);

  it('verifies the live store and names the revision edited in the SQLite file', async () => {
    await run('checkpoint');
    expect(await run('verify')).toBe(0);
    const db = new Database(join(dir, 'events.sqlite'));
    db.prepare(
      "UPDATE events SET data = json_set(data, '$.actualStart', '2014-02') WHERE stream_id = 'project-TC.0789' AND revision = 1",
    ).run();
    db.close();
    expect(await run('verify')).toBe(1);
    expect(lines.join('\n')).toMatch(/CHAIN\.HASH_MISMATCH \(stream project-TC\.0789, revision 1\)/);
  });

  it('replays the log into a fresh read model and reports where the live one differs', async () => {
    const store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    await rebuildReadModel(config, store);
    await store.close();
    expect(await run('replay-diff')).toBe(0);
    const db = new Database(liveSqliteReadModelPath(dir));
    db.prepare("UPDATE projects SET title = 'Tampered' WHERE project_id = 'TC.0790'").run();
    db.close();
    expect(await run('replay-diff')).toBe(1);
    expect(lines.join('\n')).toMatch(/projects.*TC\.0790/);
  });
});
