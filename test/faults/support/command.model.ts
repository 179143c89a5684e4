/**
 * A reference model of the command API, small enough to trust by reading: per project, its status, budget,
 * planned end year and the types of the events it should have. `expected` says what the real API must
 * answer to a command, from the lifecycle table of the domain; `apply` records an accepted one.
 */
export type Status = 'planned' | 'active' | 'suspended' | 'completed' | 'cancelled';

export interface ProjectModel {
  status: Status;
  budget: number;
  plannedEnd: number;
  events: string[];
}

export interface LedgerModel {
  projects: Map<string, ProjectModel>;
}

export type ModelCommand =
  | { kind: 'create' }
  | { kind: 'start' }
  | { kind: 'complete' }
  | { kind: 'suspend' }
  | { kind: 'resume' }
  | { kind: 'cancel' }
  | { kind: 'revise'; amount: number }
  | { kind: 'extend'; year: number };

export interface Expected {
  status: number;
  code?: string;
  event?: string;
}

const ok = (event: string, status = 200): Expected => ({ status, event });
const conflict = (code: string): Expected => ({ status: 409, code });

export function expected(
  model: LedgerModel,
  projectId: string,
  command: ModelCommand,
  ifMatch?: number,
): Expected {
  const project = model.projects.get(projectId);
  const revision = project ? project.events.length - 1 : -1;
  // ETags are revisions 0, 1, …: there is none to send for a project not yet created.
  if (ifMatch !== undefined && ifMatch < 0) return { status: 400, code: 'REQUEST.INVALID_HEADER' };
  // The revision check comes before any rule: a stale If-Match is a 412 whatever the command.
  if (ifMatch !== undefined && ifMatch !== revision)
    return { status: 412, code: 'PROJECT.REVISION_MISMATCH' };
  if (!project)
    return command.kind === 'create' ? ok('ProjectCreated', 201) : { status: 404, code: 'PROJECT.NOT_FOUND' };
  if (project.status === 'completed' || project.status === 'cancelled') return conflict('PROJECT.TERMINAL');
  switch (command.kind) {
    case 'create':
      return conflict('PROJECT.ALREADY_EXISTS');
    case 'start':
      return project.status === 'planned' ? ok('ProjectStarted') : conflict('PROJECT.NOT_PLANNED');
    case 'complete':
      return project.status === 'active' ? ok('ProjectCompleted') : conflict('PROJECT.NOT_ACTIVE');
    case 'suspend':
      return project.status === 'active' ? ok('ProjectSuspended') : conflict('PROJECT.NOT_ACTIVE');
    case 'resume':
      return project.status === 'suspended' ? ok('ProjectResumed') : conflict('PROJECT.NOT_SUSPENDED');
    case 'cancel':
      return ok('ProjectCancelled');
    case 'revise':
      return command.amount === project.budget
        ? conflict('PROJECT.BUDGET_UNCHANGED')
        : ok('ProjectBudgetRevised');
    case 'extend':
      return command.year > project.plannedEnd
        ? ok('ProjectExtended')
        : conflict('PROJECT.EXTENSION_NOT_LATER');
  }
}

const NEXT_STATUS: Partial<Record<ModelCommand['kind'], Status>> = {
  create: 'planned',
  start: 'active',
  complete: 'completed',
  suspend: 'suspended',
  resume: 'active',
  cancel: 'cancelled',
};

/** Records an accepted command. */
export function apply(model: LedgerModel, projectId: string, command: ModelCommand, event: string): void {
  const project = model.projects.get(projectId) ?? {
    status: 'planned' as Status,
    budget: 200_000,
    plannedEnd: 2016,
    events: [],
  };
  model.projects.set(projectId, project);
  project.events.push(event);
  project.status = NEXT_STATUS[command.kind] ?? project.status;
  if (command.kind === 'revise') project.budget = command.amount;
  if (command.kind === 'extend') project.plannedEnd = command.year;
}

/** The HTTP request for a command. */
export function requestOf(
  projectId: string,
  command: ModelCommand,
): { path: string; body: Record<string, unknown> } {
  const on = (action: string, body: Record<string, unknown>) => ({
    path: `/projects/${projectId}/${action}`,
    body,
  });
  switch (command.kind) {
    case 'create':
      return {
        path: '/projects',
        body: {
          projectId,
          title: `Border management project ${projectId}`,
          projectType: 'TCMMCB',
          coverage: 'national',
          region: 'Asia and Oceania',
          fundingYear: 2014,
          plannedStart: '2014',
          plannedEnd: '2016',
          budget: { amount: '200000.00', currency: 'USD' },
          benefitingMemberStates: ['MN'],
        },
      };
    case 'start':
      return on('start', { actualStart: '2014' });
    case 'complete':
      return on('complete', { actualEnd: '2016' });
    case 'suspend':
      return on('suspend', { reason: 'security situation' });
    case 'resume':
      return on('resume', { reason: null });
    case 'cancel':
      return on('cancel', { reason: 'funding withdrawn' });
    case 'revise':
      return on('budget-revisions', {
        amount: `${command.amount}.00`,
        currency: 'USD',
        reason: 'cost-variance',
      });
    case 'extend':
      return on('extend', { plannedEnd: String(command.year), reason: 'delays' });
  }
}
