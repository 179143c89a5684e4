import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { APP_CONFIG, AppConfig } from '@ledger/platform';
import { CommandsModule } from '@ledger/commands';
import { HttpCommandRunner } from './http/http-command.runner';
import { ProjectCommandsController } from './http/command-routes.controller';
import { ProjectHistoryController } from './http/project-history.controller';
import { IDEMPOTENCY_STORE, SqliteIdempotencyStore } from './idempotency/idempotency.store';

class IdempotencyStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(IDEMPOTENCY_STORE) private readonly store: SqliteIdempotencyStore) {}
  onApplicationShutdown(): void {
    this.store.close();
  }
}

/** HTTP commands and per-project history. Needs PlatformModule (config, clock, event store, auth). */
@Module({
  imports: [CommandsModule],
  controllers: [ProjectCommandsController, ProjectHistoryController],
  providers: [
    HttpCommandRunner,
    {
      provide: IDEMPOTENCY_STORE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        mkdirSync(config.dataDir, { recursive: true });
        return new SqliteIdempotencyStore(join(config.dataDir, 'idempotency.sqlite'));
      },
    },
    IdempotencyStoreCloser,
  ],
  exports: [CommandsModule, HttpCommandRunner],
})
export class CommandApiModule {}
