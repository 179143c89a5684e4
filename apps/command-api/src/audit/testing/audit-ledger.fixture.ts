import { apiKeyList, httpCaller, type HttpCall } from '@ledger/platform/testing/http-caller';
import { MONGOLIA_CREATE_BODY } from '@ledger/domain';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { AppConfig, CLOCK, Clock, loadConfig } from '@ledger/platform';
import { configureHttp, createHttpAdapter } from '@ledger/platform';
import { StandaloneModule } from '../../../../standalone/src/standalone.module';

export const KEYS = {
  publisher: 'publisher-test-key',
  auditor: 'auditor-test-key',
  admin: 'admin-test-key',
  reader: 'reader-test-key',
};

/** A clock the test sets, so "recorded at" is known exactly. */
export class TestClock implements Clock {
  constructor(public at = new Date('2014-01-01T00:00:00Z')) {}
  now(): Date {
    return new Date(this.at);
  }
  set(iso: string): void {
    this.at = new Date(iso);
  }
}

export interface AuditLedger {
  app: INestApplication;
  dataDir: string;
  clock: TestClock;
  call: HttpCall<keyof typeof KEYS>;
  stop(): Promise<void>;
}

/** The standalone app over real HTTP on a fresh data dir, with the CLOCK provider replaced by a TestClock. */
export async function startAuditLedger(overrides: Partial<AppConfig> = {}): Promise<AuditLedger> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-audit-'));
  const apiKeys = apiKeyList(KEYS);
  const config: AppConfig = {
    ...loadConfig({}),
    dataDir,
    apiKeys,
    logLevel: 'error',
    relayEnabled: false,
    projectorEnabled: false,
    auditCheckpointEvery: 0,
    ...overrides,
  };
  const clock = new TestClock();
  const moduleRef = await Test.createTestingModule({ imports: [StandaloneModule.forRoot(config)] })
    .overrideProvider(CLOCK)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication(createHttpAdapter(), {
    bodyParser: false,
    logger: ['error'],
  });
  configureHttp(app);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    app,
    dataDir,
    clock,
    call: httpCaller(`http://127.0.0.1:${port}`, KEYS, 'admin'),
    async stop() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The README walk-through record (TC.0789), created with its first approved budget. */
const MONGOLIA = { ...MONGOLIA_CREATE_BODY, budget: { amount: '180000.00', currency: 'USD' } };

/** Sends the README walk-through, each command at a known recording time (2014-2017). */
export async function walkThrough(ledger: AuditLedger): Promise<void> {
  const send = async (at: string, path: string, body: unknown) => {
    ledger.clock.set(at);
    const response = await ledger.call('POST', path, { role: 'publisher', body });
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  };
  await send('2014-01-20T10:00:00Z', '/projects', MONGOLIA);
  await send('2014-04-02T08:00:00Z', '/projects/TC.0789/start', { actualStart: '2014-03' });
  await send('2015-02-01T12:00:00Z', '/projects/TC.0789/budget-revisions', {
    amount: '200000.00',
    currency: 'USD',
    reason: 'additional-funding',
    effectiveDate: '2015-01-15',
  });
  await send('2017-01-10T09:00:00Z', '/projects/TC.0789/complete', { actualEnd: '2016-12' });
}

/**
 * Waits until this replica serves the named lease-held role (elected and its work started). With a shared
 * store the checkpointer is elected after start-up; a walk-through sent before then would be covered by
 * the catch-up checkpoint of a late start instead of one every AUDIT_CHECKPOINT_EVERY events.
 */
export async function awaitServing(ledger: AuditLedger, role: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const body = await (await ledger.call('GET', '/health/ready', { role: null })).json();
    const local: { name: string; serving: boolean }[] =
      (body.info?.leadership ?? body.error?.leadership)?.local ?? [];
    if (local.some((r) => r.name === role && r.serving)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${role} was not serving after ${timeoutMs} ms`);
}
