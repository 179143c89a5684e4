import type { ReadStreamOptions, Revision } from '../event-store.port';

/** How to ask the server for a stream range, and which returned revisions belong to the answer. */
export interface ReadStreamPlan {
  backwards: boolean;
  /** First revision to read, or the stream's head (backwards default). */
  from: Revision | 'end';
  /** Events to ask for; undefined = the server's default (all). */
  maxCount: number | undefined;
  includes(revision: Revision): boolean;
}

/**
 * The port's range rules (both bounds inclusive, relative to the direction) turned into one server read:
 * the server only knows a start and a count, so the far bound is applied while reading.
 */
export function toReadStreamPlan(options: ReadStreamOptions): ReadStreamPlan {
  const backwards = options.direction === 'backwards';
  const start = options.fromRevision ?? (backwards ? 'end' : 0);
  const end = options.toRevision ?? (backwards ? 0 : Number.MAX_SAFE_INTEGER);
  // A non-positive count reads nothing (the port's rule); the server would treat it as "no limit" or fail.
  let maxCount = options.maxCount === undefined ? undefined : Math.max(0, options.maxCount);
  if (start !== 'end' && options.toRevision !== undefined) {
    const span = Math.max(0, backwards ? start - end + 1 : end - start + 1);
    maxCount = maxCount === undefined ? span : Math.min(maxCount, span);
  }
  const includes = backwards
    ? (revision: Revision) => revision >= end && (start === 'end' || revision <= start)
    : (revision: Revision) => revision >= (start as number) && revision <= end;
  return { backwards, from: start, maxCount, includes };
}
