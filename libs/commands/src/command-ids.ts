import { v4 as uuidv4, v5 as uuidv5 } from 'uuid';

/** Namespace for ids derived from commands (a fixed random UUID, chosen once for this project). */
const LEDGER_NAMESPACE = '5b0c1f5e-8a43-4c2e-9d0f-3f6b7a9e2d41';

/** A command id for a retry-safe request: the same caller and key always give the same command. */
export const commandIdFromKey = (scope: string, key: string): string =>
  uuidv5(`${scope}\n${key}`, LEDGER_NAMESPACE);

export const newCommandId = (): string => uuidv4();

/**
 * Event ids derive from the command id, so a redelivered or retried command writes the same ids and the
 * store's idempotent append turns the second write into a no-op.
 */
export const eventIdFor = (commandId: string, index: number): string =>
  uuidv5(`${commandId}#${index}`, LEDGER_NAMESPACE);
