import type { INestApplication } from '@nestjs/common';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/app-config';
import { LOGGER } from '../platform.module';
import { installGracefulStop } from './graceful-stop';
import { listenOn } from './port.check';
import { printStartBanner, type BannerParts } from './start-banner';

/**
 * The last steps of every HTTP app's start, in this order: listen, arm the graceful stop (SIGINT/SIGTERM),
 * then print the banner once the start-up logs have settled.
 */
export async function serveApp(app: INestApplication, config: AppConfig, banner: BannerParts): Promise<void> {
  await listenOn(app, config.port);
  const logger = app.get<Logger>(LOGGER);
  installGracefulStop(app, { timeoutMs: config.stopTimeoutMs, logger });
  await printStartBanner(app, config, logger, banner);
}
