import { DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { AppConfig, PlatformModule } from '@ledger/platform';
import { ConsoleModule } from '../../console/src';
import { AmqpCommandsModule, AuditModule, CommandApiModule } from '../../command-api/src';
import { ProjectorModule } from '../../projector/src';
import { IatiExportModule, QueryApiModule } from '../../query-api/src';
import { RelayModule } from '../../relay/src';

/**
 * Everything in one process on the embedded defaults: what `npm start` runs. Projector and relay follow
 * the log in-process (each can be switched off to run it as its own process instead).
 */
@Module({})
export class StandaloneModule {
  static forRoot(config: AppConfig, logger?: Logger): DynamicModule {
    return {
      module: StandaloneModule,
      imports: [
        PlatformModule.forRoot(config, { logger }),
        CommandApiModule,
        AmqpCommandsModule,
        AuditModule.forRoot(config),
        ProjectorModule,
        QueryApiModule,
        IatiExportModule,
        RelayModule,
        ConsoleModule,
      ],
    };
  }
}
