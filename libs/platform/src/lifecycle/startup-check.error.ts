import { ConfigError } from '../config/app-config';

/**
 * A start-up check that failed before anything was written (port taken, data directory in use): shown as
 * its message alone, like a bad variable, because the fix is the same kind of thing: change a setting or
 * stop the other process.
 */
export class StartupCheckError extends ConfigError {
  constructor(problem: string) {
    super([problem]);
    this.name = 'StartupCheckError';
    this.message = `Cannot start: ${problem}`;
  }
}
