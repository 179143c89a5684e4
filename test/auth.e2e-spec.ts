import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { takeGeneratedKeyNotice } from '@ledger/platform';
import { RunningLedger, startLedger } from './support/standalone-harness';
import { mongoliaProject } from './support/mongolia';

describe('authentication and roles', () => {
  let ledger: RunningLedger;
  afterEach(() => ledger.stop());

  describe('with API_KEYS configured', () => {
    beforeEach(async () => (ledger = await startLedger()));

    it('401 without a key, with a WWW-Authenticate challenge', async () => {
      const response = await ledger.call('POST', '/projects', { role: null, body: mongoliaProject });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect((await response.json()).code).toBe('AUTH.UNAUTHENTICATED');
    });

    it('401 with an unknown key', async () => {
      const response = await ledger.call('POST', '/projects', {
        role: null,
        body: mongoliaProject,
        headers: { authorization: 'Bearer not-a-key-at-all' },
      });
      expect(response.status).toBe(401);
    });

    it('403 when the role does not fit: a reader cannot send commands, a publisher cannot read history', async () => {
      const command = await ledger.call('POST', '/projects', { role: 'reader', body: mongoliaProject });
      expect(command.status).toBe(403);
      expect((await command.json()).code).toBe('AUTH.FORBIDDEN');
      await ledger.call('POST', '/projects', { role: 'publisher', body: mongoliaProject });
      expect((await ledger.call('GET', '/projects/TC.0789/events', { role: 'publisher' })).status).toBe(403);
      expect((await ledger.call('GET', '/projects/TC.0789/events', { role: 'auditor' })).status).toBe(200);
    });

    it('admin may do everything', async () => {
      expect((await ledger.call('POST', '/projects', { role: 'admin', body: mongoliaProject })).status).toBe(
        201,
      );
      expect((await ledger.call('GET', '/projects/TC.0789/events', { role: 'admin' })).status).toBe(200);
    });

    it('the recorded actor is the key, different per key', async () => {
      await ledger.call('POST', '/projects', { role: 'publisher', body: mongoliaProject });
      await ledger.call('POST', '/projects/TC.0789/start', { role: 'admin', body: { actualStart: '2014' } });
      const events = await (await ledger.call('GET', '/projects/TC.0789/events', { role: 'auditor' })).json();
      expect(events[0].metadata.actor).toMatch(/^api-key:publisher:/);
      expect(events[1].metadata.actor).toMatch(/^api-key:admin:/);
    });
  });

  describe('without API_KEYS', () => {
    it('generates one key per role on first start, stores only digests, and keeps them across restarts', async () => {
      ledger = await startLedger({ apiKeys: undefined });
      // The keys wait for the start banner (test/startup-checks prints it from a real process); the
      // harness prints no banner, so it takes the same one-time notice the banner would show.
      const printed = takeGeneratedKeyNotice(ledger.dataDir) ?? '';
      const publisherKey = /publisher\s+(publisher-[\w-]+)/.exec(printed)?.[1];
      expect(publisherKey).toMatch(/^publisher-[\w-]{20,}$/);
      const stored = readFileSync(join(ledger.dataDir, 'api-keys.json'), 'utf8');
      expect(stored).not.toContain(publisherKey);

      await ledger.stop({ keepData: true });
      ledger = await startLedger({ dataDir: ledger.dataDir, apiKeys: undefined });
      const response = await ledger.call('POST', '/projects', {
        role: null,
        body: mongoliaProject,
        headers: { authorization: `Bearer ${publisherKey}` },
      });
      expect(response.status).toBe(201);
    });
  });
});
