import type { AppConfig } from '@ledger/platform';
import type { CliCommand } from './cli-args';
import type { CliIo } from './cli-io';

/** `iati quality`: not built yet (see docs/iati.md). */
export async function iatiQuality(
  _command: Extract<CliCommand, { kind: 'iati-quality' }>,
  _config: AppConfig,
  io: CliIo,
): Promise<number> {
  io.stderr('iati quality is not available yet.\n');
  return 1;
}
