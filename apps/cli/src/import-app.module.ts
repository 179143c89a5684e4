import { randomBytes } from 'node:crypto';
import { DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { AppConfig, PlatformModule } from '@ledger/platform';
import { CommandsModule } from '@ledger/commands';

/** The command path without HTTP: the import runs through the same CommandRunner as the API. */
@Module({})
export class CliImportModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    // The CLI serves no HTTP, so it needs no API keys; a throwaway key keeps the platform from generating
    // (and printing) real ones into the data directory.
    const apiKeys = config.apiKeys ?? `admin:${randomBytes(24).toString('hex')}`;
    return {
      module: CliImportModule,
      imports: [PlatformModule.forRoot({ ...config, apiKeys }, { logger }), CommandsModule],
    };
  }
}
