import type { ApplyOptions } from '@ledger/read-model';

/**
 * Crash-test hook, off unless PROJECTOR_FAILPOINT is set: `exit-before-commit` kills the process (as
 * kill -9 would) after a batch's rows are written and before COMMIT, to prove the read model and its
 * checkpoint roll back together.
 */
export function failpointFromEnv(env: NodeJS.ProcessEnv = process.env): ApplyOptions['beforeCommit'] {
  if (env.PROJECTOR_FAILPOINT !== 'exit-before-commit') return undefined;
  return () => {
    process.stderr.write('failpoint exit-before-commit: exiting before COMMIT\n');
    process.exit(86);
  };
}
