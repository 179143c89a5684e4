import type { ProjectCommand, ProjectCommandType } from './project.commands';
import type { FieldError, Validated } from './project.decision';
import { parseCreateProject } from './validation/create-project.input';
import { parseCorrection } from './validation/correction.input';
import { fieldError, firstPerField, fromZodIssue } from './validation/field-errors';
import { projectIdSchema } from './validation/field-schemas';
import {
  parseCancel,
  parseComplete,
  parseExtend,
  parseResume,
  parseReviseBudget,
  parseStart,
  parseSuspend,
} from './validation/lifecycle.inputs';
import {
  parseAddOrg,
  parseChangeHumanitarian,
  parseChangeLocations,
  parseChangeOrg,
  parseChangeSectors,
  parseRemoveOrg,
} from './validation/profile.inputs';
import { parseRecordTransaction, parseReverseTransaction } from './validation/transaction.inputs';

/** The `data` of the command of the given type. */
export type ProjectCommandData<T extends ProjectCommandType> = Extract<ProjectCommand, { type: T }>['data'];

type BodyParser = (body: unknown) => Validated<object>;

const LIFECYCLE_PARSERS: Record<Exclude<ProjectCommandType, 'CreateProject'>, BodyParser> = {
  StartProject: parseStart,
  CompleteProject: parseComplete,
  ReviseProjectBudget: parseReviseBudget,
  SuspendProject: parseSuspend,
  ResumeProject: parseResume,
  CancelProject: parseCancel,
  ExtendProject: parseExtend,
  CorrectProjectRecord: parseCorrection,
  AddParticipatingOrg: parseAddOrg,
  ChangeParticipatingOrg: parseChangeOrg,
  RemoveParticipatingOrg: parseRemoveOrg,
  ChangeProjectSectors: parseChangeSectors,
  ChangeHumanitarianFlag: parseChangeHumanitarian,
  ChangeProjectLocations: parseChangeLocations,
  RecordTransaction: parseRecordTransaction,
  ReverseTransaction: parseReverseTransaction,
};

function projectIdErrors(projectId: string | null): FieldError[] {
  if (projectId === null) return [fieldError('projectId', 'REQUIRED', 'projectId is required.')];
  const result = projectIdSchema.safeParse(projectId, { reportInput: true });
  if (result.success) return [];
  return firstPerField(
    result.error.issues.flatMap((issue) => fromZodIssue({ ...issue, path: ['projectId'] })),
  );
}

/**
 * Turns untrusted input (an HTTP body or an AMQP message) into the data of a command, or returns every
 * field problem at once. Shared by every transport so both accept exactly the same thing.
 *
 * CreateProject: the body carries projectId (pass `projectId` null, or the URL's id which must agree).
 * Other commands: `projectId` comes from the URL / routing and the body holds the rest; an id the URL
 * names below the project (`orgId` of an organisation, `ref` of a transaction to reverse) is put into the
 * body by the transport.
 */
export function parseCommandInput<T extends ProjectCommandType>(
  type: T,
  projectId: string | null,
  body: unknown,
): Validated<ProjectCommandData<T>> {
  if (type === 'CreateProject') {
    return parseCreateProject(projectId, body) as Validated<ProjectCommandData<T>>;
  }
  const parser = LIFECYCLE_PARSERS[type as Exclude<ProjectCommandType, 'CreateProject'>];
  if (parser === undefined) throw new Error(`Unknown command type ${String(type)}`);
  const idErrors = projectIdErrors(projectId);
  const parsed = parser(body);
  if (!parsed.ok || idErrors.length > 0) {
    return { ok: false, errors: [...idErrors, ...(parsed.ok ? [] : parsed.errors)] };
  }
  return { ok: true, value: { projectId, ...parsed.value } as ProjectCommandData<T> };
}
