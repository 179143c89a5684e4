import { writeFileSync } from 'node:fs';
import { buildIatiActivitiesXml, readIatiRecords } from '@ledger/iati';
import { createEventStore, type AppConfig } from '@ledger/platform';
import type { CliCommand } from './cli-args';
import type { CliIo } from './cli-io';

/** Writes the matching projects as IATI 2.03 XML to stdout (and nothing else there). Returns the exit code. */
export async function exportIati(
  command: Extract<CliCommand, { kind: 'export-iati' }>,
  config: AppConfig,
  io: CliIo,
): Promise<number> {
  const store = createEventStore(config);
  try {
    const records = await readIatiRecords(store, {
      status: command.status,
      region: command.region,
      projectIds: command.projectIds,
    });
    if (records.length === 0) {
      // An iati-activities document must hold at least one activity, so there is nothing valid to write.
      io.stderr('No project matches the filters; nothing exported.\n');
      return 1;
    }
    const xml = buildIatiActivitiesXml(records, {
      reportingOrg: { ref: config.iatiReportingOrg, name: config.iatiReportingOrgName },
      generatedAt: io.now().toISOString(),
    });
    if (command.out) writeFileSync(command.out, xml);
    else io.stdout(xml);
    io.stderr(
      `Exported ${records.length} project(s) as IATI 2.03${command.out ? ` to ${command.out}` : ''}.\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}
