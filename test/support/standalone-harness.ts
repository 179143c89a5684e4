import { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { AppConfig } from '@ledger/platform';
import { createStandaloneApp } from '../../apps/standalone/src/standalone.app';
import { TEST_API_KEYS, TEST_KEYS } from './test-keys';

export type TestRole = keyof typeof TEST_KEYS;

export interface RunningLedger {
  app: INestApplication;
  baseUrl: string;
  dataDir: string;
  /** fetch against the running app, as the given role (or anonymously with role null). */
  call(
    method: string,
    path: string,
    options?: { role?: TestRole | null; body?: unknown; rawBody?: string; headers?: Record<string, string> },
  ): Promise<Response>;
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
    call(method, path, options = {}) {
      const role = options.role === undefined ? 'admin' : options.role;
      const headers: Record<string, string> = { ...(options.headers ?? {}) };
      if (role) headers.authorization ??= `Bearer ${TEST_KEYS[role]}`;
      let body: string | undefined = options.rawBody;
      if (options.body !== undefined) {
        body = JSON.stringify(options.body);
        headers['content-type'] ??= 'application/json';
      }
      return fetch(baseUrl + path, { method, headers, body });
    },
    async stop({ keepData = false } = {}) {
      await app.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
