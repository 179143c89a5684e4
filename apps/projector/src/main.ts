import { check, parked, rebuild, retry, runProjector, UsageError, USAGE } from './projector.cli';

/** Exit code 1 means the command ran and found a problem (differences, a retry that still fails). */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    // No sub-command prints the help: a second projector on the live read model must be asked for.
    case undefined:
    case 'help':
    case '--help':
      console.log(USAGE);
      return 0;
    case 'run':
      await runProjector();
      return 0;
    case 'rebuild':
      await rebuild();
      return 0;
    case 'check':
      return (await check()) ? 0 : 1;
    case 'parked':
      await parked();
      return 0;
    case 'retry':
      return (await retry(rest)) ? 0 : 1;
    default:
      throw new UsageError(`unknown command ${command}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(
      error instanceof UsageError ? `${error.message}\n${USAGE}` : (error.stack ?? error.message),
    );
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
