import { Inject, Logger, Module, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { APP_CONFIG, type AppConfig } from '@ledger/platform';
import { Relay } from './relay';
import { failpointFromEnv } from './relay.failpoint';
import { loadRelaySettings } from './relay.settings';
import { relayCheckpointFile, SqliteCheckpointStore } from './sqlite.checkpoint-store';

const logger = new Logger('Relay');

/**
 * Runs the relay inside the app: started on bootstrap (when RELAY_ENABLED), stopped on shutdown before
 * the event store closes. Inject `Relay` to read `lag()` / `status()`.
 */
@Module({
  providers: [
    {
      provide: Relay,
      inject: [APP_CONFIG, EVENT_STORE],
      useFactory: (config: AppConfig, store: EventStore) => {
        const settings = loadRelaySettings();
        return new Relay({
          store,
          checkpoints: new SqliteCheckpointStore(relayCheckpointFile(config.dataDir)),
          amqpUrl: config.amqpUrl,
          exchange: config.relayExchange,
          name: settings.name,
          window: settings.window,
          source: settings.source,
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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.relayEnabled) await this.relay.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.relay.stop();
    await this.relay.closeCheckpoints();
  }
}
