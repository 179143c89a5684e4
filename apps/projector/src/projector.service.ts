import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  Optional,
} from '@nestjs/common';
import { EVENT_STORE, type EventStore, type Position, type WriteFence } from '@ledger/event-store';
import {
  APP_CONFIG,
  CLOCK,
  HealthRegistry,
  LeadershipRegistry,
  LedgerMetrics,
  METRICS,
  subscriptionLag,
  type AppConfig,
  type Clock,
} from '@ledger/platform';
import { ProjectionRunner, READ_MODEL, type ProjectionStatus, type ReadModel } from '@ledger/read-model';
import { projectorLeadership, type ProjectorLeadership } from './projector.leadership';

/** Runs the projector's subscription inside the app: started on bootstrap, stopped before shutdown. */
@Injectable()
export class ProjectorService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Projector');
  private readonly runner: ProjectionRunner;
  private readonly leadership: ProjectorLeadership;
  private fence: WriteFence | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() private readonly health?: HealthRegistry,
    @Optional() @Inject(METRICS) private readonly metrics?: LedgerMetrics,
    @Optional() leaders?: LeadershipRegistry,
  ) {
    this.runner = new ProjectionRunner(store, readModel, {
      fence: () => this.fence,
      onError: (error) =>
        this.logger.error(`projection failed, resubscribing from the checkpoint: ${String(error)}`),
      onParked: (parked) =>
        parked.forEach((p) =>
          this.logger.warn(
            `parked ${p.type} at position ${p.position} (${p.streamId}): ${p.error}; see npm run projector -- parked`,
          ),
        ),
    });
    this.leadership = projectorLeadership(
      config,
      this.runner,
      (fence) => (this.fence = fence),
      (m) => this.logger.log(m),
    );
    if (this.leadership.election) leaders?.register(this.leadership.election);
  }

  onApplicationBootstrap(): void {
    if (this.config.projectorEnabled === false) return;
    this.leadership.start();
    this.health?.register('projector', async () => {
      const status = this.runner.status();
      const lag = await this.lag();
      // A standby is ready: it is not meant to run until the leader goes away.
      if (this.leadership.election?.status().standby) {
        return { up: true, standby: true, lag };
      }
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
    await this.leadership.stop();
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
