import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  Optional,
} from '@nestjs/common';
import { EVENT_STORE, type EventStore, type Position } from '@ledger/event-store';
import {
  APP_CONFIG,
  CLOCK,
  HealthRegistry,
  LedgerMetrics,
  METRICS,
  subscriptionLag,
  type AppConfig,
  type Clock,
} from '@ledger/platform';
import { ProjectionRunner, READ_MODEL, type ProjectionStatus, type ReadModel } from '@ledger/read-model';

/** Runs the projector's subscription inside the app: started on bootstrap, stopped before shutdown. */
@Injectable()
export class ProjectorService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Projector');
  private readonly runner: ProjectionRunner;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() private readonly health?: HealthRegistry,
    @Optional() @Inject(METRICS) private readonly metrics?: LedgerMetrics,
  ) {
    this.runner = new ProjectionRunner(store, readModel, {
      onError: (error) =>
        this.logger.error(`projection failed, resubscribing from the checkpoint: ${String(error)}`),
      onParked: (parked) =>
        parked.forEach((p) =>
          this.logger.warn(
            `parked ${p.type} at position ${p.position} (${p.streamId}): ${p.error}; see npm run projector -- parked`,
          ),
        ),
    });
  }

  onApplicationBootstrap(): void {
    if (this.config.projectorEnabled === false) return;
    this.runner.start();
    this.health?.register('projector', async () => {
      const status = this.runner.status();
      const lag = await this.lag();
      const up = status.running && status.lastError === null && lag <= this.config.healthMaxLag;
      return { up, checkpoint: status.checkpoint, lag };
    });
    this.metrics?.gauge(
      'ledger_projector_checkpoint',
      'Position the read model reflects',
      () => this.checkpoint,
    );
    this.metrics?.gauge('ledger_projector_lag', 'Events stored but not yet projected', () => this.lag());
    this.metrics?.gauge(
      'ledger_projector_lag_seconds',
      'Age of the oldest event not yet projected',
      async () => (await subscriptionLag(this.store, this.checkpoint, this.clock.now())).seconds,
    );
    this.metrics?.gauge(
      'ledger_projector_parked_events',
      'Poison events waiting for a retry',
      async () => (await this.readModel.listParked()).length,
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }

  /** The checkpoint this process last committed (0 before the first batch). */
  get checkpoint(): Position {
    return this.runner.checkpoint;
  }

  /** Events in the log not yet in the read model. */
  lag(): Promise<number> {
    return this.runner.lag();
  }

  status(): ProjectionStatus {
    return this.runner.status();
  }
}
