import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { createStandaloneApp } from '../../apps/standalone/src/standalone.app';
import { BENCH_API_KEYS } from '../lib/bench-keys';
import { serveWorker } from './worker-runtime';

let app: INestApplication | null = null;

interface StartPayload {
  dataDir: string;
  readModel: 'sqlite' | 'postgres';
  databaseUrl: string;
  readModelSchema?: string;
}

/** The standalone app serving queries from a read model another process filled (no projector, no relay). */
async function start(payload: StartPayload): Promise<{ port: number }> {
  app = await createStandaloneApp({
    dataDir: payload.dataDir,
    readModel: payload.readModel,
    databaseUrl: payload.databaseUrl,
    ...(payload.readModelSchema ? { readModelSchema: payload.readModelSchema } : {}),
    apiKeys: BENCH_API_KEYS,
    logLevel: 'info',
    relayEnabled: false,
    projectorEnabled: false,
  });
  await app.listen(0, '127.0.0.1');
  return { port: (app.getHttpServer().address() as AddressInfo).port };
}

serveWorker({ start }, async () => {
  await app?.close();
});
