import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { LOGGER } from '../platform.module';
import { bodyParsingErrorHandler, jsonBodyParsing } from '../problem/body-parsing.middleware';
import { httpLogging } from '../logging/http-logging.middleware';
import { applyHttpSecurity } from '../security/http-security';
import { jsonDepthLimit } from '../security/json-depth.middleware';

/**
 * HTTP settings every app shares: a correlation id and one log line per request, our own JSON body
 * handling (415/413/400 as problem+json), no x-powered-by, security headers and CORS only when configured.
 */
export function configureHttp(app: INestApplication): void {
  const express = app as NestExpressApplication;
  express.disable('x-powered-by');
  applyHttpSecurity(app, app.get<AppConfig>(APP_CONFIG));
  express.use(httpLogging(app.get<Logger>(LOGGER)));
  express.use(...jsonBodyParsing());
  express.use(jsonDepthLimit());
  express.use(bodyParsingErrorHandler());
}
