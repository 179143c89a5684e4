import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
  Optional,
} from '@nestjs/common';
import {
  CHECKPOINT_STREAM,
  SigningKey,
  StreamHeads,
  WrittenCheckpoint,
  appendCheckpoint,
  checkpointNow,
  latestCheckpoint,
} from '@ledger/audit';
import { EVENT_STORE, EventStore, Subscription, WriteFence } from '@ledger/event-store';
import {
  APP_CONFIG,
  AppConfig,
  CLOCK,
  Clock,
  LeaderElection,
  LeadershipRegistry,
  PostgresLeases,
  electionFor,
  isClustered,
  leasesFor,
} from '@ledger/platform';
import { AUDIT_SIGNING_KEY } from './audit.tokens';

/**
 * Writes a signed checkpoint every AUDIT_CHECKPOINT_EVERY events. A catch-up subscription keeps the heads
 * of every stream up to date, so a periodic checkpoint costs one signature, not a scan of the log. With
 * several replicas (EVENT_STORE=postgres) only the holder of the `audit-checkpointer` lease writes them,
 * each append fenced by its token, so there is one series of checkpoints, not one per replica.
 */
@Injectable()
export class CheckpointService implements OnApplicationBootstrap, OnModuleDestroy {
  private subscription: Subscription | null = null;
  private running: Promise<void> | null = null;
  private readonly logger = new Logger('AuditCheckpoints');
  private election: LeaderElection | null = null;
  private leases: PostgresLeases | null = null;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(AUDIT_SIGNING_KEY) private readonly key: SigningKey,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() private readonly leaders?: LeadershipRegistry,
  ) {}

  /** A checkpoint of everything stored now (POST /audit/checkpoints). */
  now(): Promise<WrittenCheckpoint> {
    return checkpointNow(this.store, this.key, this.clock.now());
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.auditCheckpointEvery <= 0) return;
    if (!isClustered(this.config)) return this.follow();
    const leases = leasesFor(this.config, 'log');
    this.leases = leases;
    this.election = electionFor(this.config, leases, 'audit-checkpointer', {
      log: (m) => this.logger.log(m),
      onElected: (term) => this.follow(leases.fenceOf(term)),
      onDeposed: () => this.halt(),
    });
    this.leaders?.register(this.election);
    this.election.start();
  }

  private async follow(fence?: WriteFence): Promise<void> {
    const every = this.config.auditCheckpointEvery;
    const last = (await latestCheckpoint(this.store))?.data.position ?? 0;
    // Events stored after the last checkpoint before this start are covered as soon as the catch-up
    // reaches them, not only once `every` more arrive: a restart must not leave them uncovered.
    const headAtStart = await this.store.headPosition();
    let catchingUp = headAtStart > last;
    const heads = new StreamHeads();
    const subscription = this.store.subscribe();
    this.subscription = subscription;
    // Counts events, not positions: EventStoreDB positions are byte offsets, not 1, 2, 3 …
    let uncovered = 0;
    this.running = (async () => {
      for await (const event of subscription) {
        heads.accept(event);
        const caughtUp = catchingUp && event.position >= headAtStart;
        if (caughtUp) catchingUp = false;
        // Checkpoint events never trigger one themselves, or every checkpoint would call for the next.
        if (event.streamId === CHECKPOINT_STREAM || event.position <= last) continue;
        if (++uncovered < every && !caughtUp) continue;
        await appendCheckpoint(this.store, this.key, event.position, heads, this.clock.now(), fence);
        uncovered = 0;
      }
    })().catch((error: unknown) =>
      this.logger.error(`Periodic checkpoints stopped: ${(error as Error).message}`),
    );
  }

  private async halt(): Promise<void> {
    await this.subscription?.close();
    await this.running;
    this.subscription = null;
  }

  async onModuleDestroy(): Promise<void> {
    if (this.election) await this.election.stop();
    else await this.halt();
    await this.leases?.close();
  }
}
