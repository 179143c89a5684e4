import type { ProjectCommandType, ProjectStatus } from '@ledger/domain';
import { ACTIVITY_DATE, statusFromIati } from '../iati.codes';
import { basicsOf, coverageOf, dateOf, type ImportOptions } from './activity-basics';
import { withParticipatingOrgs } from './participating-orgs.import';
import { activityLabel, type IatiActivityInput } from './iati-activity.input';
import { importBudgets } from './iati-budgets.import';
import { importCommandId } from './import-command-ids';
import { holdableLocations, holdableSectors } from './iati-profile.import';
import { holdableTransactions, transactionElement } from './iati-transactions.import';

/** A command an activity turns into, ready for CommandRunner.execute (libs/commands). */
export interface PlannedCommand {
  type: ProjectCommandType;
  projectId: string;
  body: Record<string, unknown>;
  commandId: string;
  /** Which part of the activity it comes from (create, start, budget-revised:2015-01-15, ...). */
  element: string;
  /**
   * A part the project does without (sectors, locations, a transaction): when the domain refuses it, the
   * refusal is reported, the element stays verbatim, and the activity's other commands still run.
   */
  optional?: boolean;
}

/** Something in the file that does not become a command, and why. */
export interface SkipNote {
  activity: string;
  element: string;
  reason: string;
}

export interface ActivityPlan {
  activity: string;
  projectId: string | null;
  commands: PlannedCommand[];
  skipped: SkipNote[];
  /** How fields were derived where the file did not say it directly (identifier prefix, region, ...). */
  notes: string[];
}

/** Turns one activity into commands: create, then start, budget revisions, and complete / suspend / cancel. */
export function activityToCommands(activity: IatiActivityInput, options: ImportOptions = {}): ActivityPlan {
  const label = activityLabel(activity);
  const skip = (element: string, reason: string): SkipNote => ({ activity: label, element, reason });
  const basics = basicsOf(activity, options);
  if (typeof basics === 'string')
    return {
      activity: label,
      projectId: null,
      commands: [],
      skipped: [skip('iati-activity', basics)],
      notes: [],
    };
  const budgets = importBudgets(activity.budgets, activity.defaultCurrency);
  const skipped = budgets.skipped.map((s) => skip(s.element, s.reason));
  const { original } = budgets;
  if (!original) {
    return {
      activity: label,
      projectId: null,
      commands: [],
      skipped: [...skipped, skip('iati-activity', 'no usable original budget (budget type 1)')],
      notes: basics.notes,
    };
  }
  const { identifier, projectId, region, projectType, plannedStart, plannedEnd, notes } = basics;
  const command: Make = (type, element, body) => ({
    type,
    projectId,
    body,
    element,
    commandId: importCommandId(identifier, element),
  });
  const created = withParticipatingOrgs(
    {
      projectId,
      primaId: activity.primaId,
      title: activity.title ?? '',
      // The exporter repeats the title when there is no description (the schema requires one).
      description: activity.description === activity.title ? null : activity.description,
      projectType,
      coverage: coverageOf(activity),
      region,
      fundingYear: Number((original.valueDate ?? plannedStart).slice(0, 4)),
      plannedStart,
      plannedEnd,
      budget: { amount: original.amount, currency: original.currency },
      benefitingMemberStates: activity.countries,
      ...(activity.humanitarian !== null ? { humanitarian: activity.humanitarian } : {}),
    },
    activity.participatingOrgs,
  );
  skipped.push(...created.refused.map((r) => skip(r.element, r.reason)));
  const commands = [command('CreateProject', 'create', created.body)];
  const money = moneyAndPlaces(activity, command);
  skipped.push(...money.refused.map((r) => skip(r.element, r.reason)));
  if (money.notes.length > 0) notes.push(...money.notes);
  const revisions = budgets.revisions.map((r) =>
    command('ReviseProjectBudget', `budget-revised:${r.effectiveDate}`, {
      amount: r.amount,
      currency: r.currency,
      reason: r.reason,
      effectiveDate: r.effectiveDate,
      note: `Imported from IATI: revised budget valued ${r.effectiveDate}`,
    }),
  );
  const status = activity.statusCode ? statusFromIati(activity.statusCode) : null;
  if (status === null) {
    skipped.push(
      skip(
        'activity-status',
        `missing or unknown code "${activity.statusCode ?? ''}": the project stays planned`,
      ),
    );
    return {
      activity: label,
      projectId,
      commands: [...commands, ...money.commands, ...revisions],
      skipped,
      notes,
    };
  }
  const later = lifecycle(activity, status, revisions, command, (element, reason) =>
    skipped.push(skip(element, reason)),
  );
  // Sectors and locations change only while the project is not finished, and transactions are refused once
  // a finished project's closing window has passed: all of them go before complete / suspend / cancel.
  const finishing = later.findIndex((c) => FINISHING.has(c.type));
  const at = finishing === -1 ? later.length : finishing;
  commands.push(...later.slice(0, at), ...money.commands, ...later.slice(at));
  return { activity: label, projectId, commands, skipped, notes };
}

const FINISHING: ReadonlySet<ProjectCommandType> = new Set([
  'CompleteProject',
  'SuspendProject',
  'CancelProject',
]);

/**
 * Sectors, recipient-country shares with locations, and transactions as commands (optional ones: a refusal
 * leaves the element verbatim and is reported). What the domain's validation refuses is left out here,
 * with the reason; what depends on the project's state is for the command to decide when it runs.
 */
function moneyAndPlaces(
  activity: IatiActivityInput,
  command: Make,
): { commands: PlannedCommand[]; refused: { element: string; reason: string }[]; notes: string[] } {
  const optional = (c: PlannedCommand): PlannedCommand => ({ ...c, optional: true });
  const sectors = holdableSectors(activity);
  const places = holdableLocations(activity);
  const transactions = holdableTransactions(activity);
  const commands: PlannedCommand[] = [];
  if (sectors.held.length > 0)
    commands.push(optional(command('ChangeProjectSectors', 'sectors', { sectors: sectors.held })));
  if (places.countries.length > 0 || places.locations.length > 0)
    commands.push(
      optional(
        command('ChangeProjectLocations', 'locations', {
          recipientCountries: places.countries,
          locations: places.locations,
        }),
      ),
    );
  for (const t of transactions.held)
    commands.push(optional(command('RecordTransaction', transactionElement(t.ref), { ...t })));
  for (const r of transactions.reversals)
    commands.push(optional(command('ReverseTransaction', `reversal ${r.ref}`, { ...r })));
  const madeRefs = transactions.held.filter((t) => t.ref.startsWith('iati-')).length;
  return {
    commands,
    refused: [...sectors.refused, ...places.refused, ...transactions.refused],
    notes:
      madeRefs > 0
        ? [`${madeRefs} transaction(s) without a usable @ref got a ref made from their content (iati-…)`]
        : [],
  };
}

type Make = (type: ProjectCommandType, element: string, body: Record<string, unknown>) => PlannedCommand;

function lifecycle(
  activity: IatiActivityInput,
  status: ProjectStatus,
  revisions: PlannedCommand[],
  command: Make,
  skip: (element: string, reason: string) => void,
): PlannedCommand[] {
  const because = `Imported from IATI: activity-status ${activity.statusCode}`;
  switch (status) {
    case 'planned':
      return revisions;
    case 'cancelled': {
      // A project cancelled while running keeps its actual start.
      const actualStart = dateOf(activity, ACTIVITY_DATE.actualStart);
      const start = actualStart ? [command('StartProject', 'start', { actualStart })] : [];
      return [...start, ...revisions, command('CancelProject', 'cancel', { reason: because })];
    }
    case 'active':
    case 'suspended':
    case 'completed': {
      const actualStart = dateOf(activity, ACTIVITY_DATE.actualStart);
      if (!actualStart) {
        skip(
          'activity-status',
          `status ${activity.statusCode} needs an actual start date (activity-date type 2); the project stays planned`,
        );
        return revisions;
      }
      const out = [command('StartProject', 'start', { actualStart }), ...revisions];
      if (status === 'suspended') out.push(command('SuspendProject', 'suspend', { reason: because }));
      if (status === 'completed') {
        const actualEnd = dateOf(activity, ACTIVITY_DATE.actualEnd);
        if (actualEnd) out.push(command('CompleteProject', 'complete', { actualEnd }));
        else
          skip(
            'activity-status',
            `status ${activity.statusCode} needs an actual end date (activity-date type 4); the project stays active`,
          );
      }
      return out;
    }
    default: {
      const unknown: never = status;
      throw new Error(`Unknown status ${String(unknown)}`);
    }
  }
}
