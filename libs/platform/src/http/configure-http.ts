import type { INestApplication } from '@nestjs/common';
import type { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { LOGGER } from '../platform.module';
import { acceptJsonBodiesOnly } from '../problem/json-body.parser';
import { runHandlersInRequestContext, startRequestLog } from '../logging/http-logging.hook';
import { applyCors, securityHeaders } from '../security/http-security';
import { answerConditionalGets } from './conditional-get.hook';

/**
 * HTTP settings every app shares (on the Fastify adapter of createHttpAdapter): a correlation id and one
 * log line per request, security headers, our own JSON body handling (415/413/400 as problem+json), ETags
 * and 304s for conditional GETs, and CORS only when configured. Call before the app is initialised.
 */
export function configureHttp(app: INestApplication): void {
  const adapter = (app as NestFastifyApplication).getHttpAdapter() as FastifyAdapter;
  const fastify = adapter.getInstance();
  const logRequest = startRequestLog(app.get<Logger>(LOGGER));
  const setSecurityHeaders = securityHeaders();
  // The adapter's own request hook runs before any other (CORS included), so that every response, a
  // CORS preflight too, is logged and carries these headers.
  adapter.setOnRequestHook((request, reply, done) => {
    logRequest(request, reply);
    setSecurityHeaders(request, reply);
    done();
  });
  acceptJsonBodiesOnly(fastify);
  runHandlersInRequestContext(fastify);
  answerConditionalGets(fastify);
  applyCors(app, app.get<AppConfig>(APP_CONFIG));
}
