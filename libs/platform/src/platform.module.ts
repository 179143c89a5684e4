import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { EVENT_STORE, EventStore } from '@ledger/event-store';
import { HashChainingEventStore } from '@ledger/audit';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { CLOCK, systemClock } from './clock/clock';
import { API_KEY_REGISTRY, ApiKeyRegistry } from './auth/api-key.registry';
import { AuthGuard } from './auth/auth.guard';
import { ProblemFilter } from './problem/problem.filter';
import { createEventStore } from './event-store/event-store.factory';
import type { Logger as PinoLogger } from 'pino';
import { createLogger } from './logging/logger';
import { announceGeneratedKeys } from './lifecycle/key-notice';
import { LEDGER_INSTANCE, loadLedgerInstance } from './instance/ledger-instance';
import { HealthRegistry } from './health/health.registry';
import { HealthController } from './health/health.controller';
import { LedgerMetrics } from './metrics/ledger-metrics';
import { METRICS, MetricsController } from './metrics/metrics.controller';
import { LeadershipRegistry } from './lease/leadership.registry';
import { rateLimitGuardProvider, securityImports, securityProviders } from './security/security.providers';

export const LOGGER = Symbol('LOGGER');

function apiKeysFrom(config: AppConfig): ApiKeyRegistry {
  if (config.apiKeys) return ApiKeyRegistry.fromList(config.apiKeys);
  const { registry, generated } = ApiKeyRegistry.loadOrGenerate(config.dataDir);
  // Shown once at the end of the start banner: only digests are stored, so these keys cannot be shown again.
  if (generated) announceGeneratedKeys(config.dataDir, generated);
  return registry;
}

/** Closes the event store last, after every module that reads it has stopped. */
class EventStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async onApplicationShutdown(): Promise<void> {
    await this.store.close().catch((error) => new Logger('EventStore').error(error));
  }
}

/** The event store is ready when it answers; its head position is exported for lag dashboards. */
@Injectable()
class EventStoreHealth implements OnModuleInit {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly health: HealthRegistry,
    @Inject(METRICS) private readonly metrics: LedgerMetrics,
  ) {}
  onModuleInit(): void {
    this.health.register('eventStore', async () => ({
      up: true,
      headPosition: await this.store.headPosition(),
    }));
    this.metrics.gauge('ledger_event_store_head_position', 'Global position of the last stored event', () =>
      this.store.headPosition(),
    );
  }
}

/** What every app shares: validated config, clock, event store, authentication and problem+json errors. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(
    config: AppConfig,
    options: { eventStore?: EventStore; logger?: PinoLogger } = {},
  ): DynamicModule {
    return {
      module: PlatformModule,
      imports: [TerminusModule.forRoot({ logger: false }), ...securityImports(config)],
      controllers: [HealthController, MetricsController],
      providers: [
        HealthRegistry,
        { provide: METRICS, useFactory: () => new LedgerMetrics() },
        EventStoreHealth,
        { provide: APP_CONFIG, useValue: config },
        { provide: CLOCK, useValue: systemClock },
        { provide: LOGGER, useFactory: () => options.logger ?? createLogger(config.logLevel) },
        // Every append, through any adapter, is hash-chained (docs/audit.md).
        {
          provide: EVENT_STORE,
          useFactory: () => HashChainingEventStore.wrap(options.eventStore ?? createEventStore(config)),
        },
        { provide: API_KEY_REGISTRY, useFactory: () => apiKeysFrom(config) },
        // After the event store: its SQLite file keeps the instance id.
        {
          provide: LEDGER_INSTANCE,
          inject: [EVENT_STORE],
          useFactory: () =>
            loadLedgerInstance(options.eventStore ? { ...config, eventStore: 'eventstoredb' } : config),
        },
        rateLimitGuardProvider,
        { provide: APP_GUARD, useClass: AuthGuard },
        ...securityProviders(config),
        { provide: APP_FILTER, useClass: ProblemFilter },
        EventStoreCloser,
        LeadershipRegistry,
      ],
      exports: [
        APP_CONFIG,
        CLOCK,
        EVENT_STORE,
        LEDGER_INSTANCE,
        API_KEY_REGISTRY,
        LOGGER,
        METRICS,
        HealthRegistry,
        LeadershipRegistry,
      ],
    };
  }
}
