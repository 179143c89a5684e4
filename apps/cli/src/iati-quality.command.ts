import { ledgerQuality, type QualityReport } from '@ledger/iati';
import { createEventStore, type AppConfig } from '@ledger/platform';
import type { CliCommand } from './cli-args';
import type { CliIo } from './cli-io';

export function formatQuality(report: QualityReport): string {
  const lines = [`IATI quality self-score as of ${report.asOf} (IATI Dashboard methodology; docs/iati.md)`];
  for (const p of report.publishers) {
    const c = p.comprehensiveness;
    const years = Object.entries(p.forwardLooking)
      .map(([y, v]) => `${y} ${v}%`)
      .join(', ');
    lines.push(
      `${p.publisher}: ${p.activities} activit${p.activities === 1 ? 'y' : 'ies'}, ${p.current} current`,
      `  comprehensiveness: core ${c.core}%, financials ${c.financials}%, value added ${c['value-added']}%`,
      `  forward-looking (budgets of current activities): ${years}`,
      `  timeliness: last transaction ${p.timeliness.lastTransactionDate ?? 'none'} (${p.timeliness.lag})`,
    );
  }
  for (const p of report.projects) {
    lines.push(`${p.iatiIdentifier}${p.current ? '' : ' (not current)'}`);
    for (const f of p.failing) lines.push(`  fails ${f.group} / ${f.name} (${f.id})`);
    const missing = Object.entries(p.forwardLooking).filter(([, ok]) => !ok);
    if (missing.length > 0) lines.push(`  no budget for ${missing.map(([y]) => y).join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `iati quality [--project ID]`: the self-score of what an export would publish now. */
export async function iatiQuality(
  command: Extract<CliCommand, { kind: 'iati-quality' }>,
  config: AppConfig,
  io: CliIo,
): Promise<number> {
  const store = createEventStore(config);
  try {
    const report = await ledgerQuality(store, {
      reportingOrg: { ref: config.iatiReportingOrg, name: config.iatiReportingOrgName },
      now: io.now(),
      projectIds: command.projectIds,
    });
    if (report.projects.length === 0) {
      io.stderr('No project to score.\n');
      return 1;
    }
    io.stdout(formatQuality(report));
    return 0;
  } finally {
    await store.close();
  }
}
