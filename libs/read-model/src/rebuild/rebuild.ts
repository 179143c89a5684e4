import type { EventStore, Position } from '@ledger/event-store';
import { PROJECTS_SUBSCRIPTION } from '../read-model.port';
import { createReadModel, type ReadModelConfig } from '../store/create-read-model';
import { diffReadModels, type ReadModelDifference } from './read-model.diff';
import { projectLog, type ProjectLogOptions } from './project-log';
import { openScratchReadModel } from './scratch.read-model';
import { swapIntoLive } from './swap';

export interface RebuildOutcome {
  checkpoint: Position;
  events: number;
}

/** Blue/green rebuild: project the whole log into a fresh copy beside the live one, then swap it in. */
export async function rebuildReadModel(
  config: ReadModelConfig,
  store: EventStore,
  onProgress?: ProjectLogOptions['onProgress'],
): Promise<RebuildOutcome> {
  const scratch = await openScratchReadModel(config, 'rebuild');
  let events = 0;
  const count: ProjectLogOptions['onProgress'] = (p) => {
    events = p.events;
    onProgress?.(p);
  };
  try {
    await projectLog(store, scratch.model, { onProgress: count });
    const before = events;
    // Catch up with what was appended during the long pass, so the swap lands as close to head as possible.
    const checkpoint = await projectLog(store, scratch.model, {
      onProgress: (p) => count({ ...p, events: before + p.events }),
    });
    await scratch.finish();
    await swapIntoLive(config, scratch.location);
    return { checkpoint, events };
  } finally {
    await scratch.discard();
  }
}

export interface CheckOutcome {
  position: Position;
  differences: ReadModelDifference[];
}

/** Compares the live read model with a rebuild of the log up to the live checkpoint. Changes nothing live. */
export async function checkReadModel(config: ReadModelConfig, store: EventStore): Promise<CheckOutcome> {
  const live = await createReadModel(config);
  const liveDump = await live.dump().finally(() => live.close());
  const position = Number(
    liveDump.checkpoints?.find((row) => row.name === PROJECTS_SUBSCRIPTION)?.position ?? 0,
  );
  const scratch = await openScratchReadModel(config, 'check');
  try {
    await projectLog(store, scratch.model, { toPosition: position });
    const rebuiltDump = await scratch.model.dump();
    return { position, differences: diffReadModels(liveDump, rebuiltDump) };
  } finally {
    await scratch.discard();
  }
}
