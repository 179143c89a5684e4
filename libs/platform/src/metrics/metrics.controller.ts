import { Controller, Get, Header, Inject } from '@nestjs/common';
import { Public } from '../auth/roles';
import { LedgerMetrics } from './ledger-metrics';

export const METRICS = Symbol('METRICS');

/** Prometheus text format. Public like /health: it holds counts and lags, no project data. */
@Controller('metrics')
@Public()
export class MetricsController {
  constructor(@Inject(METRICS) private readonly metrics: LedgerMetrics) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
