import { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { AppConfig } from '@ledger/platform';
import { createStandaloneApp } from '../../apps/standalone/src/standalone.app';
import { httpCaller, type HttpCall } from '@ledger/platform/testing/http-caller';
import { TEST_API_KEYS, TEST_KEYS } from './test-keys';

export type TestRole = keyof typeof TEST_KEYS;

export interface RunningLedger {
  app: INestApplication;
  baseUrl: string;
  dataDir: string;
  /** fetch against the running app, as the given role (or anonymously with role null). */
  call: HttpCall<TestRole>;
  stop(options?: { keepData?: boolean }): Promise<void>;
}

/** Starts the all-in-one app on a free port over a fresh data dir (real SQLite files, real HTTP). */
export async function startLedger(
  overrides: Partial<AppConfig> = {},
  options: Parameters<typeof createStandaloneApp>[1] = {},
): Promise<RunningLedger> {
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), 'ledger-e2e-'));
  const app = await createStandaloneApp(
    {
      dataDir,
      apiKeys: TEST_API_KEYS,
      logLevel: 'error',
      relayEnabled: false,
      amqpCommandsEnabled: false,
      ...overrides,
    },
    options,
  );
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    app,
    baseUrl,
    dataDir,
    call: httpCaller(baseUrl, TEST_KEYS, 'admin'),
    async stop({ keepData = false } = {}) {
      await app.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
