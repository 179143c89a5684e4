import { PROJECT_STREAM_PREFIX } from '@ledger/domain';
import type { EventFilter } from '@ledger/event-store';

/** What the relay publishes: project streams (the audit-checkpoints stream stays in the log only). */
export const RELAYED_EVENTS: EventFilter = { streamPrefixes: [PROJECT_STREAM_PREFIX] };
