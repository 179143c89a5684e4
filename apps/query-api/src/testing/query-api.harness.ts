import { apiKeyList, httpCaller, type HttpCall } from '@ledger/platform/testing/http-caller';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig, PlatformModule, type AppConfig } from '@ledger/platform';
import { CommandApiModule } from '../../../command-api/src';
import { ProjectorModule } from '../../../projector/src';
import { configureHttp, createHttpAdapter } from '@ledger/platform';
import { QueryApiModule } from '../query-api.module';

export const QUERY_TEST_KEYS = {
  publisher: 'publisher-q-key',
  reader: 'reader-q-key',
  auditor: 'auditor-q-key',
  admin: 'admin-q-key',
} as const;
type Role = keyof typeof QUERY_TEST_KEYS;

export interface QueryApiHarness {
  app: INestApplication;
  baseUrl: string;
  dataDir: string;
  call: HttpCall<Role>;
  stop(): Promise<void>;
}

/**
 * Command API + projector + query API in one Nest app on a free port, over a fresh data dir, composed the
 * way the standalone app does it (real SQLite event store and read model, real HTTP).
 */
export async function startQueryApi(overrides: Partial<AppConfig> = {}): Promise<QueryApiHarness> {
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), 'query-api-'));
  const apiKeys = apiKeyList(QUERY_TEST_KEYS);
  const config: AppConfig = {
    ...loadConfig({}),
    dataDir,
    apiKeys,
    logLevel: 'silent',
    relayEnabled: false,
    ...overrides,
  };

  @Module({ imports: [PlatformModule.forRoot(config), CommandApiModule, ProjectorModule, QueryApiModule] })
  class QueryApiTestModule {}

  const app = await NestFactory.create(QueryApiTestModule, createHttpAdapter(), {
    bodyParser: false,
    logger: false,
    abortOnError: false,
  });
  configureHttp(app);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  let stopped = false;
  return {
    app,
    baseUrl,
    dataDir,
    call: httpCaller(baseUrl, QUERY_TEST_KEYS, 'reader'),
    async stop() {
      if (stopped) return;
      stopped = true;
      await app.close();
      if (!overrides.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
