import type { EventStore } from '@ledger/event-store';
import { buildIatiActivitiesXml, type ReportingOrg } from '../export/iati-activity.builder';
import { readIatiRecords } from '../export/iati-export';
import { scoreIatiQuality, type QualityReport } from './iati-quality';

/** The quality self-score of the ledger's projects, on exactly the XML an export would publish now. */
export async function ledgerQuality(
  store: EventStore,
  options: { reportingOrg: ReportingOrg; now: Date; projectIds?: string[] },
): Promise<QualityReport> {
  const records = await readIatiRecords(store, { projectIds: options.projectIds });
  if (records.length === 0)
    return { asOf: options.now.toISOString().slice(0, 10), publishers: [], projects: [] };
  const xml = buildIatiActivitiesXml(records, {
    reportingOrg: options.reportingOrg,
    generatedAt: options.now.toISOString(),
  });
  return scoreIatiQuality(xml, options.now);
}
