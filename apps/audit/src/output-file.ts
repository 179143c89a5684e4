import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';

export interface OutputFile {
  sink: Writable;
  /** Moves the finished output into place. */
  commit(): Promise<void>;
  /** Removes what was written; the target is left as it was. */
  discard(): Promise<void>;
}

/**
 * `--out FILE` written beside the target and renamed into place only when the command succeeds, so a
 * failed export leaves no empty or truncated FILE (and does not clobber an earlier good one).
 */
export function openOutputFile(file: string): OutputFile {
  const partial = join(dirname(file), `.${basename(file)}.${process.pid}.partial`);
  const sink = createWriteStream(partial);
  const closed = async () => {
    if (!sink.closed) {
      sink.end();
      await once(sink, 'close');
    }
  };
  return {
    sink,
    async commit() {
      await closed();
      renameSync(partial, file);
    },
    async discard() {
      await closed().catch(() => undefined);
      rmSync(partial, { force: true });
    },
  };
}
