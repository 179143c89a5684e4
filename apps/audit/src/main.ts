import 'reflect-metadata';
import { ConfigError, loadConfig } from '@ledger/platform';
import { USAGE, UsageError, runAuditCli } from './audit.cli';

runAuditCli(process.argv.slice(2), loadConfig())
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    if (error instanceof UsageError) process.stderr.write(`${error.message}\n${USAGE}\n`);
    else
      process.stderr.write(
        error instanceof ConfigError ? `${error.message}\n` : `${(error as Error).stack ?? error}\n`,
      );
    process.exitCode = 2;
  });
