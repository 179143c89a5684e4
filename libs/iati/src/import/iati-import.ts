import {
  activityToCommands,
  type ImportOptions,
  type PlannedCommand,
  type SkipNote,
} from './activity-to-commands';
import { parseIatiActivities } from './iati-xml.parser';

/**
 * Runs one planned command through the one command path (ProjectCommandService.execute in the apps) and
 * says whether it appended events or found them already there. Throws when the command is refused.
 */
export type ImportCommandExecutor = (command: PlannedCommand) => Promise<'appended' | 'already-present'>;

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

/** The problem code and detail of a refused command (a ProblemException from the apps), or the error message. */
export function reasonOf(error: unknown): string {
  const problem = (error as { problem?: { code?: string; detail?: string } }).problem;
  if (problem?.code) return `${problem.code}: ${problem.detail ?? ''}`.trim();
  return error instanceof Error ? error.message : String(error);
}

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
      try {
        const outcome = await execute(command);
        if (outcome === 'appended') summary.appended++;
        else summary.alreadyPresent++;
        if (i === 0) summary.projects++;
      } catch (error) {
        summary.skipped.push({ activity: plan.activity, element: command.element, reason: reasonOf(error) });
        for (const rest of plan.commands.slice(i + 1)) {
          summary.skipped.push({
            activity: plan.activity,
            element: rest.element,
            reason: `not attempted: ${command.element} was refused`,
          });
        }
        break;
      }
    }
    options.onProgress?.(index + 1, activities.length);
  }
  return summary;
}
