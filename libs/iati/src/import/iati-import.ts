import {
  activityToCommands,
  type ImportOptions,
  type PlannedCommand,
  type SkipNote,
} from './activity-to-commands';
import { parseIatiActivities } from './iati-xml.parser';

/** What one planned command did: appended events, found them already there, or was refused (and why). */
export type ImportStep = 'appended' | 'already-present' | { refused: string };

/**
 * Runs one planned command through the one command path (the command runner) and says what it did.
 * Throws only when the command could not be run at all (the store failing).
 */
export type ImportCommandExecutor = (command: PlannedCommand) => Promise<ImportStep>;

export interface ImportSummary {
  activities: number;
  /** Activities whose project now exists (created now or by an earlier import). */
  projects: number;
  appended: number;
  alreadyPresent: number;
  skipped: SkipNote[];
}

export interface ImportRunOptions extends ImportOptions {
  /** Called after each activity with (done, total), for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Imports every activity of an IATI file. Commands of one activity run in order; once one is refused the
 * rest of that activity is not attempted (each later command depends on the earlier ones).
 */
export async function importIatiXml(
  xml: string,
  execute: ImportCommandExecutor,
  options: ImportRunOptions = {},
): Promise<ImportSummary> {
  const activities = parseIatiActivities(xml);
  const summary: ImportSummary = {
    activities: activities.length,
    projects: 0,
    appended: 0,
    alreadyPresent: 0,
    skipped: [],
  };
  for (const [index, activity] of activities.entries()) {
    const plan = activityToCommands(activity, options);
    summary.skipped.push(...plan.skipped);
    for (const [i, command] of plan.commands.entries()) {
      const step = await execute(command).catch((error: unknown) => ({ refused: messageOf(error) }));
      if (step === 'appended') summary.appended++;
      else if (step === 'already-present') summary.alreadyPresent++;
      else {
        summary.skipped.push({ activity: plan.activity, element: command.element, reason: step.refused });
        for (const rest of plan.commands.slice(i + 1)) {
          summary.skipped.push({
            activity: plan.activity,
            element: rest.element,
            reason: `not attempted: ${command.element} was refused`,
          });
        }
        break;
      }
      if (i === 0) summary.projects++;
    }
    options.onProgress?.(index + 1, activities.length);
  }
  return summary;
}
