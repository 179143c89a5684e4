import 'reflect-metadata';
import {
  Controller,
  HttpCode,
  Module,
  Post,
  Req,
  type DynamicModule,
  type INestApplication,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { AddressInfo } from 'node:net';
import {
  PinoNestLogger,
  PlatformModule,
  Roles,
  configureHttp,
  createHttpAdapter,
  createLogger,
  loadConfig,
} from '@ledger/platform';
import { BENCH_API_KEYS } from '../lib/bench-keys';
import { serveWorker } from './worker-runtime';

/** Accepts a command-shaped request and does nothing with it: what the HTTP stack alone costs. */
@Controller('noop')
@Roles('publisher')
class NoopController {
  @Post()
  @HttpCode(201)
  accept(@Req() request: FastifyRequest) {
    return {
      projectId: (request.body as { projectId?: string })?.projectId ?? null,
      revision: 0,
      position: 0,
    };
  }
}

@Module({})
class NoopModule {
  static forRoot(
    config: ReturnType<typeof loadConfig>,
    logger: ReturnType<typeof createLogger>,
  ): DynamicModule {
    // The same PlatformModule as the ledger (auth guard, problem filter, logger), so only the handler differs.
    return {
      module: NoopModule,
      imports: [PlatformModule.forRoot(config, { logger })],
      controllers: [NoopController],
    };
  }
}

let app: INestApplication | null = null;

async function start({ dataDir }: { dataDir: string }): Promise<{ port: number }> {
  const config = {
    ...loadConfig(),
    dataDir,
    apiKeys: BENCH_API_KEYS,
    logLevel: 'info',
    relayEnabled: false,
    projectorEnabled: false,
  };
  const logger = createLogger(config.logLevel);
  app = await NestFactory.create(NoopModule.forRoot(config, logger), createHttpAdapter(), {
    bodyParser: false,
    logger: new PinoNestLogger(logger),
  });
  configureHttp(app);
  await app.listen(0, '127.0.0.1');
  return { port: (app.getHttpServer().address() as AddressInfo).port };
}

serveWorker({ start }, async () => {
  await app?.close();
});
