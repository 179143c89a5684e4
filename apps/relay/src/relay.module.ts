import {
  Inject,
  Logger,
  Module,
  Optional,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import {
  APP_CONFIG,
  CLOCK,
  defaultEventSource,
  HealthRegistry,
  LEDGER_INSTANCE,
  LeadershipRegistry,
  METRICS,
  subscriptionLag,
  type AppConfig,
  type Clock,
  type LedgerInstance,
  type LedgerMetrics,
} from '@ledger/platform';
import { Relay } from './relay';
import { RELAYED_EVENTS } from './relayed-events';
import { failpointFromEnv } from './relay.failpoint';
import { loadRelaySettings } from './relay.settings';
import { relayLeadership, type RelayLeadership } from './relay.leadership';

const logger = new Logger('Relay');

/**
 * Runs the relay inside the app: started on bootstrap (when RELAY_ENABLED), stopped on shutdown before
 * the event store closes. Inject `Relay` to read `lag()` / `status()`.
 */
const RELAY_LEADERSHIP = Symbol('RELAY_LEADERSHIP');

@Module({
  providers: [
    {
      provide: RELAY_LEADERSHIP,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): RelayLeadership =>
        relayLeadership(config, loadRelaySettings().name, (m) => logger.log(m)),
    },
    {
      provide: Relay,
      inject: [APP_CONFIG, EVENT_STORE, RELAY_LEADERSHIP, LEDGER_INSTANCE],
      useFactory: (
        config: AppConfig,
        store: EventStore,
        leadership: RelayLeadership,
        instance: LedgerInstance,
      ) => {
        const settings = loadRelaySettings();
        return new Relay({
          store,
          checkpoints: leadership.checkpoints,
          amqpUrl: config.amqpUrl,
          exchange: config.relayExchange,
          name: settings.name,
          window: settings.window,
          source: settings.source ?? defaultEventSource(instance),
          failpoint: failpointFromEnv(),
          logger: { info: (m) => logger.log(m), warn: (m) => logger.warn(m), error: (m) => logger.error(m) },
        });
      },
    },
  ],
  exports: [Relay],
})
export class RelayModule implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    private readonly relay: Relay,
    @Inject(RELAY_LEADERSHIP) private readonly leadership: RelayLeadership,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() private readonly health?: HealthRegistry,
    @Optional() @Inject(METRICS) private readonly metrics?: LedgerMetrics,
    @Optional() private readonly leaders?: LeadershipRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.relayEnabled) return;
    const { election } = this.leadership;
    if (election) this.leaders?.register(election);
    await this.leadership.start(this.relay);
    const lag = () =>
      subscriptionLag(this.store, this.relay.status().checkpoint, this.clock.now(), RELAYED_EVENTS);
    this.health?.register('relay', async () => {
      const { connected, checkpoint } = this.relay.status();
      const { positions } = await lag();
      // A standby is ready: it is not meant to publish until the leader goes away.
      if (election?.status().standby) return { up: true, standby: true, lag: positions };
      // Commands succeed while the broker is away; readiness says the relay is behind, not the app broken.
      return {
        up: connected && positions <= this.config.healthMaxLag,
        connected,
        checkpoint,
        lag: positions,
      };
    });
    this.metrics?.gauge(
      'ledger_relay_lag_positions',
      'Events stored but not yet confirmed by the broker',
      async () => (await lag()).positions,
    );
    this.metrics?.gauge(
      'ledger_relay_lag_seconds',
      'Age of the oldest event not yet confirmed by the broker',
      async () => (await lag()).seconds,
    );
    this.metrics?.counter(
      'ledger_relay_confirms_total',
      'Messages the broker confirmed (since start)',
      () => this.relay.status().confirmed,
    );
    this.metrics?.counter(
      'ledger_relay_nacks_total',
      'Messages the broker refused (since start)',
      () => this.relay.status().nacked,
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.leadership.stop(this.relay);
    await this.relay.closeCheckpoints();
  }
}
