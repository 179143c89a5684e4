import type { Position } from '@ledger/event-store';

/** Where a named subscription remembers how far it got. */
export interface CheckpointStore {
  /** START (0) when the subscription never stored a checkpoint. */
  load(name: string): Promise<Position>;
  save(name: string, position: Position): Promise<void>;
  close(): Promise<void>;
}
