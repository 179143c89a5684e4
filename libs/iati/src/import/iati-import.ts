import type { IatiSourceData } from '../source/iati-source.event';
import type { IatiSourceAccount } from './iati-activity.input';
import { activityFromTree } from './iati-activity.reader';
import type { ImportOptions } from './activity-basics';
import { activityToCommands, type PlannedCommand, type SkipNote } from './activity-to-commands';
import { readIatiActivities, type IatiFileInfo } from './iati-stream.reader';

/** What one planned command did: appended events, found them already there, or was refused (and why). */
export type ImportStep = 'appended' | 'already-present' | { refused: string };

/**
 * Runs one planned command through the one command path (the command runner) and says what it did.
 * Throws only when the command could not be run at all (the store failing).
 */
export type ImportCommandExecutor = (command: PlannedCommand) => Promise<ImportStep>;

/** What became of one activity: the import report's entry. */
export interface ActivityReport {
  activity: string;
  projectId: string | null;
  /** imported: its create command ran (now or in an earlier import); skipped: no project. */
  outcome: 'imported' | 'skipped';
  notes: string[];
  /**
   * Elements kept verbatim (by name, in file order; their canonical XML goes into the project's events, not
   * into the report, so a report of a large file stays small). Attributes kept as given are `@name`.
   */
  kept: string[];
  /**
   * What the activity's commands put into the project's fields (now or in an earlier import): participating
   * organisations, sectors, recipient-country shares, locations, transactions and reversals, by count.
   */
  held: HeldCounts;
  /** Parts neither held nor kept, and commands refused, with the reason. */
  refused: { element: string; reason: string }[];
  /** Names, e-mails, phone numbers and addresses in contact-info: what the ledger will hold about people. */
  personalData: { element: string; value: string }[];
}

export interface HeldCounts {
  participatingOrgs: number;
  sectors: number;
  recipientCountries: number;
  locations: number;
  transactions: number;
  reversals: number;
}

const length = (value: unknown): number => (Array.isArray(value) ? value.length : 0);

/** Adds what one command that ran puts into the fields. */
function countHeld(held: HeldCounts, command: PlannedCommand): void {
  const { body } = command;
  if (command.type === 'CreateProject') held.participatingOrgs += length(body.participatingOrgs);
  if (command.type === 'ChangeProjectSectors') held.sectors += length(body.sectors);
  if (command.type === 'ChangeProjectLocations') {
    held.recipientCountries += length(body.recipientCountries);
    held.locations += length(body.locations);
  }
  if (command.type === 'RecordTransaction') held.transactions++;
  if (command.type === 'ReverseTransaction') held.reversals++;
}

export interface ImportSummary {
  file: IatiFileInfo | null;
  activities: number;
  /** Activities whose project now exists (created now or by an earlier import). */
  projects: number;
  appended: number;
  alreadyPresent: number;
  /** Activities whose kept source was recorded now (a new or changed activity); re-imports add none. */
  sourcesKept: number;
  /** Every refusal of every activity, flat (the printed summary). */
  skipped: SkipNote[];
  report: ActivityReport[];
}

/** Keeps what no field holds (the source record of the activity); says whether it was new. */
export type ImportSourceKeeper = (
  projectId: string,
  data: IatiSourceData,
) => Promise<'appended' | 'already-present'>;

export interface ImportRunOptions extends ImportOptions {
  /** Where the kept source goes (the CLI: the iati-source stream of the event store). */
  keepSource?: ImportSourceKeeper;
  /** Called after each activity with the number done, for a progress bar. */
  onProgress?: (done: number) => void;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const reportOf = (
  plan: ReturnType<typeof activityToCommands>,
  source: IatiSourceAccount,
): ActivityReport => ({
  activity: plan.activity,
  projectId: plan.projectId,
  outcome: 'skipped',
  notes: plan.notes,
  kept: [...Object.keys(source.attributes).map((a) => `@${a}`), ...source.elements.map((e) => e.name)],
  held: {
    participatingOrgs: 0,
    sectors: 0,
    recipientCountries: 0,
    locations: 0,
    transactions: 0,
    reversals: 0,
  },
  refused: [...source.refused, ...plan.skipped.map(({ element, reason }) => ({ element, reason }))],
  personalData: source.personal,
});

/**
 * Imports every activity of an IATI file (a string, or chunks streamed from disk: one activity is held at a
 * time). Commands of one activity run in order; once one is refused the rest of that activity is not
 * attempted (each later command depends on the earlier ones) — except an optional one (sectors, locations, a
 * transaction), whose refusal is reported while the others go on.
 */
export async function importIatiXml(
  xml: string | AsyncIterable<string | Buffer>,
  execute: ImportCommandExecutor,
  options: ImportRunOptions = {},
): Promise<ImportSummary> {
  const summary: ImportSummary = {
    file: null,
    activities: 0,
    projects: 0,
    appended: 0,
    alreadyPresent: 0,
    sourcesKept: 0,
    skipped: [],
    report: [],
  };
  const trees = readIatiActivities(typeof xml === 'string' ? [xml] : xml, (info) => {
    summary.file = info;
  });
  for await (const tree of trees) {
    summary.activities++;
    const activity = activityFromTree(tree, summary.activities);
    const plan = activityToCommands(activity, options);
    const entry = reportOf(plan, activity.source);
    for (const [i, command] of plan.commands.entries()) {
      const step = await execute(command).catch((error: unknown) => ({ refused: messageOf(error) }));
      if (step === 'appended') summary.appended++;
      else if (step === 'already-present') summary.alreadyPresent++;
      else if (command.optional) {
        entry.refused.push({ element: command.element, reason: `${step.refused}; kept verbatim` });
        continue;
      } else {
        entry.refused.push({ element: command.element, reason: step.refused });
        for (const rest of plan.commands.slice(i + 1))
          entry.refused.push({
            element: rest.element,
            reason: `not attempted: ${command.element} was refused`,
          });
        break;
      }
      countHeld(entry.held, command);
      if (i === 0) {
        summary.projects++;
        entry.outcome = 'imported';
      }
    }
    if (entry.outcome === 'imported' && plan.projectId && activity.iatiIdentifier && options.keepSource) {
      const kept = await options.keepSource(plan.projectId, {
        iatiIdentifier: activity.iatiIdentifier,
        attributes: activity.source.attributes,
        elements: activity.source.elements,
      });
      if (kept === 'appended') summary.sourcesKept++;
    }
    summary.report.push(entry);
    summary.skipped.push(...entry.refused.map((r) => ({ activity: entry.activity, ...r })));
    options.onProgress?.(summary.activities);
  }
  return summary;
}
