import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { Public } from '../auth/roles';
import { HealthRegistry, ReadinessCheck } from './health.registry';
import { problem } from '../problem/problem.catalogue';

const CHECK_TIMEOUT_MS = 2000;

/** Liveness (the process answers) and readiness (every part it runs works), for orchestrators. */
@Controller('health')
@Public()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly registry: HealthRegistry,
  ) {}

  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([
      async () => this.indicators.check('process').up({ uptimeSeconds: Math.round(process.uptime()) }),
    ]);
  }

  @Get('ready')
  @HealthCheck()
  async ready() {
    try {
      return await this.health.check(
        this.registry.entries().map(
          ([name, check]) =>
            () =>
              this.run(name, check),
        ),
      );
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      // Keep terminus's per-check details in the problem body: they say which part is down and why.
      const result = error.getResponse() as {
        error?: Record<string, unknown>;
        details?: Record<string, unknown>;
      };
      throw problem('HEALTH.NOT_READY', `Down: ${Object.keys(result.error ?? {}).join(', ')}`, {
        error: result.error,
        details: result.details,
      });
    }
  }

  private async run(name: string, check: ReadinessCheck) {
    const session = this.indicators.check(name);
    try {
      const { up, ...details } = await withTimeout(check(), CHECK_TIMEOUT_MS);
      return up ? session.up(details) : session.down(details);
    } catch (error) {
      return session.down({ message: (error as Error).message });
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)),
  );
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
