import { PROJECT_EVENT_TYPES, type ProjectEventType } from '@ledger/domain';
import { PROJECT_EVENT_TABLE, type EventKind } from './project-event.table';

export type { EventKind };

/**
 * The public name of each domain event on the wire, from the event table. Kept explicit there (not derived
 * from the TypeScript name) so renaming a domain type can never silently change the contract.
 */
export const EVENT_KINDS = Object.fromEntries(
  PROJECT_EVENT_TYPES.map((type) => [type, PROJECT_EVENT_TABLE[type].kind]),
) as { [T in ProjectEventType]: (typeof PROJECT_EVENT_TABLE)[T]['kind'] };

export const CONTRACT_VERSION = 1;
export const CLOUDEVENT_TYPE_PREFIX = 'org.projectledger.project.';

/** CloudEvents `type`, e.g. `org.projectledger.project.budget-revised.v1`. */
export const cloudEventType = (kind: EventKind, version: number = CONTRACT_VERSION): string =>
  `${CLOUDEVENT_TYPE_PREFIX}${kind}.v${version}`;

/** Region as it appears in routing keys: `Asia and Oceania` -> `asia-and-oceania` (the domain's slug). */
export { regionSlug } from '@ledger/domain';

/** Used when the relay cannot find a project's region (e.g. a stream without ProjectCreated). */
export const UNKNOWN_REGION_SLUG = 'unknown';

/** Routing key on the events exchange: `project.<kind>.<region-slug>`. */
export const routingKeyFor = (kind: EventKind, region: string): string => `project.${kind}.${region}`;
