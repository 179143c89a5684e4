import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationShutdown,
  OnModuleInit,
  Optional,
} from '@nestjs/common';
import { APP_CONFIG, HealthRegistry } from '@ledger/platform';
import { READ_MODEL, type ReadModel } from '../read-model.port';
import { createReadModel, type ReadModelConfig } from '../store/create-read-model';
import { readModelConfigFrom } from '../store/read-model.config';

/** Closes the read model after every module using it (projector, query API) has stopped. */
@Injectable()
class ReadModelLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Optional() private readonly health?: HealthRegistry,
  ) {}

  onModuleInit(): void {
    this.health?.register('readModel', async () => ({
      up: true,
      kind: this.readModel.kind,
      checkpoint: await this.readModel.checkpoint(),
    }));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.readModel.close().catch((error: unknown) => new Logger('ReadModel').error(error));
  }
}

/**
 * Provides READ_MODEL (SQLite file in DATA_DIR, or PostgreSQL with READ_MODEL=postgres) once per app,
 * migrated before the first request. Needs APP_CONFIG (PlatformModule).
 */
@Global()
@Module({
  providers: [
    {
      provide: READ_MODEL,
      inject: [APP_CONFIG],
      useFactory: (config: ReadModelConfig) => createReadModel(readModelConfigFrom(config)),
    },
    ReadModelLifecycle,
  ],
  exports: [READ_MODEL],
})
export class ReadModelModule {}
