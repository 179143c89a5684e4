import { runRelay, runReplay, UsageError, USAGE, writeAsyncApi } from './relay.cli';

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    // No sub-command prints the help: a second relay would publish every event twice.
    case undefined:
    case 'help':
    case '--help':
      console.log(USAGE);
      return;
    case 'run':
      return runRelay();
    case 'replay':
      return runReplay(rest);
    case 'asyncapi':
      return writeAsyncApi(rest);
    default:
      throw new UsageError(`unknown command ${command}`);
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: Error) => {
    console.error(
      error instanceof UsageError ? `${error.message}\n${USAGE}` : (error.stack ?? error.message),
    );
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
