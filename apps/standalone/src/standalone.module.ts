import { DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { AppConfig, PlatformModule } from '@ledger/platform';
import { CommandApiModule } from '../../command-api/src';
import { AuditModule } from '../../command-api/src/audit/audit.module';
import { IatiExportModule } from '../../query-api/src/iati/iati-export.module';

/** Everything in one process on the embedded defaults: what `npm start` runs. */
@Module({})
export class StandaloneModule {
  static forRoot(config: AppConfig, logger?: Logger): DynamicModule {
    return {
      module: StandaloneModule,
      imports: [PlatformModule.forRoot(config, { logger }), CommandApiModule, AuditModule, IatiExportModule],
    };
  }
}
