import type { ProjectEventType } from '../project.events';

/** Turns the data of a stored event of one schema version into the data of the next version. */
export type Upcaster = (data: Readonly<Record<string, unknown>>) => Record<string, unknown>;

/**
 * How to read one event type's stored versions: `current` is the version written today and the shape of
 * the domain type; `upcasters[n]` lifts version n to n + 1, so any older version reaches `current` by a
 * chain of small steps, each written once when its shape changed.
 */
export interface StoredVersionChain {
  current: number;
  upcasters: Readonly<Record<number, Upcaster>>;
}

export type StoredVersionRegistry = Readonly<Partial<Record<ProjectEventType, StoredVersionChain>>>;

/** Version written by every event type that has no entry below; events have always been stored at it. */
export const FIRST_SCHEMA_VERSION = 1;

/**
 * The event types whose stored shape has changed since version 1, with their upcasters. Empty today:
 * every event is still stored as it was first written. To change a stored shape, bump `current` for that
 * type, add `upcasters[old]`, and let the domain type describe the new shape.
 */
export const STORED_EVENT_VERSIONS: StoredVersionRegistry = {};

/** The schema version the writer stamps on a new event of this type. */
export const currentSchemaVersion = (
  type: ProjectEventType,
  registry: StoredVersionRegistry = STORED_EVENT_VERSIONS,
): number => registry[type]?.current ?? FIRST_SCHEMA_VERSION;
