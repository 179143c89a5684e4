/** Where the CLI writes and what time it is: the real process in main.ts, captured in tests. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** A progress bar is drawn only on a terminal. */
  interactive: boolean;
  now(): Date;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  interactive: Boolean(process.stderr.isTTY),
  now: () => new Date(),
};
