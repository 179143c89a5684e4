import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { verifyExportInBrowser } from '../apps/console/web/src/verify';
import { verifyExport } from '@ledger/audit';
import { startLedger, type RunningLedger } from './support/standalone-harness';
import { seedMongolia } from './console/support/seed';

/** GET /projects/{id}/audit-export: the CLI's export over HTTP, checked the way an auditor checks it. */
describe('project audit export over HTTP', () => {
  let ledger: RunningLedger;

  beforeAll(async () => {
    ledger = await startLedger();
    await seedMongolia(ledger);
    expect((await ledger.call('POST', '/audit/checkpoints', { role: 'auditor' })).status).toBe(201);
  }, 30_000);
  afterAll(() => ledger.stop());

  it('sends NDJSON as a download that verifies offline with the published key', async () => {
    const response = await ledger.call('GET', '/projects/TC.0789/audit-export', { role: 'auditor' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="TC.0789.ndjson"');
    const lines = (await response.text()).trimEnd().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { kind: string }).kind)).toEqual([
      'header',
      'event',
      'event',
      'event',
      'event',
      'checkpoint-proof',
    ]);
    const key = (await (await ledger.call('GET', '/audit/public-key', { role: null })).json()) as {
      publicKeyPem: string;
    };
    const report = await verifyExport(lines, createPublicKey(key.publicKeyPem));
    expect(report).toMatchObject({ ok: true, events: 4, signedEvents: 4, failures: [] });
  });

  it('sends the CSV for spreadsheets, one row per event', async () => {
    const response = await ledger.call('GET', '/projects/TC.0789/audit-export?format=csv', {
      role: 'auditor',
    });
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows = (await response.text()).trimEnd().split('\n');
    expect(rows[0]).toMatch(/^position,streamId,revision,eventId,type,recordedAt,actor,/);
    expect(rows.slice(1).map((r) => r.split(',')[4])).toEqual([
      'ProjectCreated',
      'ProjectStarted',
      'ProjectBudgetRevised',
      'ProjectCompleted',
    ]);
  });

  it('answers problem+json for a bad format or an unknown project, and is for auditors only', async () => {
    const bad = await ledger.call('GET', '/projects/TC.0789/audit-export?format=xlsx', { role: 'auditor' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      code: 'QUERY.INVALID_PARAMETER',
      errors: [{ field: 'format', code: 'NOT_IN_LIST' }],
    });
    const unknown = await ledger.call('GET', '/projects/TC.9999/audit-export', { role: 'auditor' });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { code: string }).code).toBe('PROJECT.NOT_FOUND');
    expect((await ledger.call('GET', '/projects/TC.0789/audit-export', { role: 'reader' })).status).toBe(403);
  });

  it("agrees with the console's in-browser check (WebCrypto), which catches an edit and a wrong key", async () => {
    const text = await (
      await ledger.call('GET', '/projects/TC.0789/audit-export', { role: 'auditor' })
    ).text();
    const { publicKeyPem } = (await (
      await ledger.call('GET', '/audit/public-key', { role: null })
    ).json()) as { publicKeyPem: string };
    expect(await verifyExportInBrowser(text, publicKeyPem)).toMatchObject({
      ok: true,
      events: 4,
      checkpoint: { covered: 4 },
      problems: [],
    });

    const edited = text.replace('"amount":"200000.00"', '"amount":"900000.00"');
    expect(edited).not.toBe(text);
    const broken = await verifyExportInBrowser(edited, publicKeyPem);
    expect(broken.ok).toBe(false);
    expect(broken.problems).toContain('revision 2: hash does not match');

    const otherKey = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' });
    const forged = await verifyExportInBrowser(text, otherKey.toString());
    expect(forged.ok).toBe(false);
    expect(forged.problems).toEqual([
      'the checkpoint names another signing key',
      'the checkpoint signature does not verify with the public key',
    ]);
  });
});
