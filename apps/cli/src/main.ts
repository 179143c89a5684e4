import 'reflect-metadata';
import { ConfigError, loadConfig } from '@ledger/platform';
import { USAGE, UsageError, parseCliArgs } from './cli-args';
import { processIo } from './cli-io';
import { exportIati } from './iati-export.command';
import { checkIati } from './iati-check.command';
import { importIati } from './iati-import.command';
import { iatiQuality } from './iati-quality.command';

/** `npm run import -- iati FILE.xml` and `npm run export -- iati [filters] > out.xml`. */
async function main(argv: string[]): Promise<number> {
  let command;
  try {
    command = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  switch (command.kind) {
    case 'import-iati':
      return importIati(command, config, processIo);
    case 'export-iati':
      return exportIati(command, config, processIo);
    case 'iati-check':
      return checkIati(command, processIo);
    case 'iati-quality':
      return iatiQuality(command, config, processIo);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      error instanceof ConfigError ? `${error.message}\n` : `${(error as Error).stack ?? String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
