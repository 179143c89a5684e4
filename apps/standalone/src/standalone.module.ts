import { DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { AppConfig, PlatformModule } from '@ledger/platform';
import { ConsoleModule } from '../../console/src';
import { CommandApiModule } from '../../command-api/src';
import { AmqpCommandsModule } from '../../command-api/src/amqp';
import { AuditModule } from '../../command-api/src/audit/audit.module';
import { ProjectorModule } from '../../projector/src';
import { QueryApiModule } from '../../query-api/src';
import { IatiExportModule } from '../../query-api/src/iati/iati-export.module';
import { RelayModule } from '../../relay/src/relay.module';

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
        AuditModule,
        ProjectorModule,
        QueryApiModule,
        IatiExportModule,
        RelayModule,
        ConsoleModule,
      ],
    };
  }
}
