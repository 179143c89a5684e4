import { createReadStream } from 'node:fs';
import { checkIatiFile } from '@ledger/iati';
import type { CliCommand } from './cli-args';
import type { CliIo } from './cli-io';

/** `iati check FILE.xml`: the IATI Standard rulesets on any activity file. Exit 1 when a rule of severity error fails. */
export async function checkIati(
  command: Extract<CliCommand, { kind: 'iati-check' }>,
  io: CliIo,
): Promise<number> {
  try {
    const { activities, failures } = await checkIatiFile(createReadStream(command.file), io.now());
    for (const f of failures)
      io.stdout(`${f.severity.toUpperCase()} ${f.id} ${f.activity}: ${f.message} (${f.context})\n`);
    const errors = failures.filter((f) => f.severity === 'error').length;
    io.stdout(
      `${activities} activit${activities === 1 ? 'y' : 'ies'} checked: ${errors} error(s), ${failures.length - errors} warning(s).\n`,
    );
    return errors > 0 ? 1 : 0;
  } catch (error) {
    io.stderr(`${command.file}: ${(error as Error).message}\n`);
    return 1;
  }
}
