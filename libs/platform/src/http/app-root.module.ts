import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/app-config';
import { PlatformModule } from '../platform.module';

@Module({})
class AppRootModule {}

/**
 * The root module of an HTTP app, for `createHttpApp`: the platform (config, logger, event store, health,
 * metrics, security) under the app's own modules.
 */
export function appRoot(
  config: AppConfig,
  imports: NonNullable<ModuleMetadata['imports']>,
): (logger: Logger) => DynamicModule {
  return (logger) => ({
    module: AppRootModule,
    imports: [PlatformModule.forRoot(config, { logger }), ...imports],
  });
}
