import { parseArgs } from 'node:util';
import { PROJECT_STATUSES, REGIONS, regionSlug, type ProjectStatus, type Region } from '@ledger/domain';

export const USAGE = [
  'Usage:',
  '  import iati FILE.xml [--region "Asia and Oceania"] [--report FILE.json]',
  '      IATI 2.01-2.03 activities (iati-activities or a bare iati-activity) -> commands (idempotent);',
  '      --region overrides the region derived from recipient countries / regions',
  '  iati check FILE.xml      the IATI Standard rulesets on any activity file (exit 1 on an error)',
  "  iati quality [--project ID]   publishing quality self-score of the ledger's projects",
  '  export iati [--status completed,active] [--region asia-and-oceania] [--project TC.0789] [--out FILE]',
  '      IATI 2.03 XML on stdout, or into FILE (through npm, use `npm run -s export` or --out: npm prints its own banner on stdout)',
].join('\n');

/** A mistake in the command line: print it with the usage, exit 2. */
export class UsageError extends Error {}

export type CliCommand =
  | { kind: 'import-iati'; file: string; region?: Region; report?: string }
  | { kind: 'iati-check'; file: string }
  | { kind: 'iati-quality'; projectIds: string[] }
  | { kind: 'export-iati'; status: ProjectStatus[]; region: Region[]; projectIds: string[]; out?: string };

/** A region by name or slug, any case: "Asia and Oceania", "asia-and-oceania". */
export function parseRegion(value: string): Region {
  const region = REGIONS.find((r) => regionSlug(r) === regionSlug(value));
  if (!region) throw new UsageError(`--region "${value}" is not one of: ${REGIONS.join(', ')}`);
  return region;
}

function list(values: string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

export function parseCliArgs(argv: string[]): CliCommand {
  const { values, positionals } = (() => {
    try {
      return parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
          region: { type: 'string', multiple: true },
          status: { type: 'string', multiple: true },
          project: { type: 'string', multiple: true },
          out: { type: 'string' },
          report: { type: 'string' },
        },
      });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  })();
  const [verb, format, ...rest] = positionals;
  if (verb === 'iati') return iatiTool(format, rest, values);
  if (format !== 'iati') throw new UsageError(`Unknown format "${format ?? ''}": only "iati" is supported.`);
  if (verb === 'import') {
    if (rest.length !== 1) throw new UsageError('import iati takes exactly one FILE.xml.');
    if (values.status || values.project || values.out)
      throw new UsageError('--status, --project and --out are export options.');
    const regions = list(values.region);
    if (regions.length > 1) throw new UsageError('import takes at most one --region.');
    const command = {
      kind: 'import-iati' as const,
      file: rest[0],
      region: regions[0] ? parseRegion(regions[0]) : undefined,
    };
    return values.report ? { ...command, report: values.report } : command;
  }
  if (verb === 'export') {
    if (rest.length > 0) throw new UsageError(`Unexpected argument "${rest[0]}".`);
    const status = list(values.status).map((s) => {
      if (!(PROJECT_STATUSES as readonly string[]).includes(s))
        throw new UsageError(`--status "${s}" is not one of: ${PROJECT_STATUSES.join(', ')}`);
      return s as ProjectStatus;
    });
    const command = {
      kind: 'export-iati' as const,
      status,
      region: list(values.region).map(parseRegion),
      projectIds: list(values.project),
    };
    if (values.report) throw new UsageError('--report is an import option.');
    return values.out ? { ...command, out: values.out } : command;
  }
  throw new UsageError(`Unknown command "${verb ?? ''}".`);
}

/** `iati check FILE.xml` and `iati quality [--project ID]`. */
function iatiTool(
  tool: string | undefined,
  rest: string[],
  values: { project?: string[]; region?: string[]; status?: string[]; out?: string; report?: string },
): CliCommand {
  if (values.region || values.status || values.out || values.report)
    throw new UsageError('iati check / quality take no --region, --status, --out or --report.');
  if (tool === 'check') {
    if (rest.length !== 1 || values.project) throw new UsageError('iati check takes exactly one FILE.xml.');
    return { kind: 'iati-check', file: rest[0] };
  }
  if (tool === 'quality') {
    if (rest.length > 0) throw new UsageError(`Unexpected argument "${rest[0]}".`);
    return { kind: 'iati-quality', projectIds: list(values.project) };
  }
  throw new UsageError(`Unknown iati tool "${tool ?? ''}": check or quality.`);
}
