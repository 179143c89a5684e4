import type { RecordedEvent } from '@ledger/event-store';
import type { ApplyOptions } from '@ledger/read-model';

/**
 * Crash-test hook, off unless PROJECTOR_FAILPOINT is set: `exit-before-commit` kills the process (as
 * kill -9 would) after a batch's rows are written and before COMMIT, to prove the read model and its
 * checkpoint roll back together. `exit-before-commit:N` lets N-1 batches commit and dies in the Nth, so a
 * fault test can spread many kills over one long catch-up (test/faults/projector-kills.e2e-spec.ts).
 */
export function failpointFromEnv(env: NodeJS.ProcessEnv = process.env): ApplyOptions['beforeCommit'] {
  const match = /^exit-before-commit(?::(\d+))?$/.exec(env.PROJECTOR_FAILPOINT ?? '');
  if (!match) return undefined;
  const dieInBatch = Number(match[1] ?? 1);
  let batches = 0;
  return (events) => {
    if (++batches < dieInBatch) return;
    process.stderr.write(
      `failpoint exit-before-commit: exiting before COMMIT of positions ${events[0]?.position}-${events.at(-1)?.position}\n`,
    );
    process.exit(86);
  };
}

/**
 * `stop-before-batch:N`: the process stops itself (SIGSTOP, as a long pause would) with its Nth batch
 * assembled and no transaction open; the test resumes it with SIGCONT after a standby took the lease, to
 * show the stale leader's batch is refused by the fencing token (test/cluster/standby-takeover.e2e-spec.ts).
 */
export function pauseFailpointFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): ((events: RecordedEvent[]) => void) | undefined {
  const match = /^stop-before-batch:(\d+)$/.exec(env.PROJECTOR_FAILPOINT ?? '');
  if (!match) return undefined;
  const stopAt = Number(match[1]);
  let batches = 0;
  return (events) => {
    if (++batches !== stopAt) return;
    process.stderr.write(
      `failpoint stop-before-batch: stopping before positions ${events[0]?.position}-${events.at(-1)?.position} at ${new Date().toISOString()}\n`,
    );
    process.kill(process.pid, 'SIGSTOP');
  };
}
