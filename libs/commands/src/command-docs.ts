import {
  BUDGET_REASONS,
  COVERAGES,
  CURRENCY_MINOR_DIGITS,
  MONGOLIA_CREATE_BODY,
  REGIONS,
  type ProjectCommandType,
} from '@ledger/domain';

/** A JSON Schema (OpenAPI 3.0 dialect) object, as the document shows it. */
export type JsonSchema = Record<string, unknown>;

/** What the API document says about a command beyond its route: summary, body schema and an example. */
export interface CommandDocs {
  summary: string;
  schema: JsonSchema;
  example: Record<string, unknown>;
}

/*
 * Documentation only: the domain's zod validation (parseCommandInput) stays the source of truth. These
 * schemas restate its rules for readers and clients, built from the same constants so lists cannot drift.
 */
const partialDate: JsonSchema = {
  type: 'string',
  pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$',
  description: 'YYYY, YYYY-MM or YYYY-MM-DD',
};
const amount: JsonSchema = {
  type: 'string',
  pattern: '^\\d+(\\.\\d+)?$',
  description: "Decimal string, > 0, at most the currency's minor digits; never a JSON number",
  example: '200000.00',
};
const currency: JsonSchema = { type: 'string', enum: Object.keys(CURRENCY_MINOR_DIGITS), example: 'USD' };
const reason: JsonSchema = { type: 'string', minLength: 1, maxLength: 2000 };

// OpenAPI 3.0 forbids an empty `required` list.
const object = (properties: Record<string, JsonSchema>, required: string[]): JsonSchema => ({
  type: 'object',
  additionalProperties: false,
  properties,
  ...(required.length > 0 ? { required } : {}),
});

export const COMMAND_DOCS: Record<ProjectCommandType, CommandDocs> = {
  CreateProject: {
    summary: 'Create a project (its first approved budget is revision 0 of the budget)',
    schema: object(
      {
        projectId: {
          type: 'string',
          pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$',
          maxLength: 64,
          description: 'Projects ID',
        },
        primaId: { type: 'string', nullable: true, maxLength: 64, description: 'Prima ID' },
        title: { type: 'string', minLength: 1, maxLength: 500 },
        description: { type: 'string', nullable: true, maxLength: 20000 },
        projectType: { type: 'string', pattern: '^[A-Z0-9]+$', minLength: 2, maxLength: 16 },
        coverage: {
          type: 'string',
          enum: [...COVERAGES],
          description: 'national: exactly one member state; regional / multi-national: at least two',
        },
        region: { type: 'string', enum: [...REGIONS], description: 'IDF region' },
        fundingYear: { type: 'integer', minimum: 1990, maximum: 2100 },
        plannedStart: partialDate,
        plannedEnd: partialDate,
        budget: object({ amount, currency }, ['amount', 'currency']),
        benefitingMemberStates: {
          type: 'array',
          maxItems: 250,
          items: { type: 'string' },
          description: 'ISO 3166-1 codes or country names, no duplicates',
        },
      },
      [
        'projectId',
        'title',
        'projectType',
        'coverage',
        'region',
        'fundingYear',
        'plannedStart',
        'plannedEnd',
        'budget',
        'benefitingMemberStates',
      ],
    ),
    example: MONGOLIA_CREATE_BODY,
  },
  StartProject: {
    summary: 'Start a planned project',
    schema: object({ actualStart: partialDate }, ['actualStart']),
    example: { actualStart: '2014-03' },
  },
  CompleteProject: {
    summary: 'Complete an active project',
    schema: object({ actualEnd: partialDate }, ['actualEnd']),
    example: { actualEnd: '2016-12' },
  },
  ReviseProjectBudget: {
    summary: 'Revise the budget of a planned, active or suspended project',
    schema: object(
      {
        amount,
        currency,
        reason: { type: 'string', enum: [...BUDGET_REASONS] },
        effectiveDate: {
          type: 'string',
          format: 'date',
          nullable: true,
          description: 'Defaults to the day the command is decided',
        },
        note: { type: 'string', nullable: true, maxLength: 2000 },
      },
      ['amount', 'currency', 'reason'],
    ),
    example: {
      amount: '200000.00',
      currency: 'USD',
      reason: 'additional-funding',
      effectiveDate: '2015-01-15',
      note: 'Second donor tranche',
    },
  },
  SuspendProject: {
    summary: 'Suspend an active project',
    schema: object({ reason }, ['reason']),
    example: { reason: 'Border crossings closed' },
  },
  ResumeProject: {
    summary: 'Resume a suspended project',
    schema: object({ reason: { ...reason, nullable: true } }, []),
    example: { reason: 'Border crossings reopened' },
  },
  CancelProject: {
    summary: 'Cancel a project (terminal)',
    schema: object({ reason }, ['reason']),
    example: { reason: 'Donor withdrew funding' },
  },
  ExtendProject: {
    summary: 'Move the planned end later',
    schema: object({ plannedEnd: partialDate, reason }, ['plannedEnd', 'reason']),
    example: { plannedEnd: '2017', reason: 'Delays at the border posts' },
  },
  CorrectProjectRecord: {
    summary: "Correct facts an event recorded wrongly, on an auditor's approval (role admin; docs/audit.md)",
    schema: object(
      {
        eventId: { type: 'string', format: 'uuid', description: 'The event being corrected' },
        revision: { type: 'integer', minimum: 0, description: 'Its stream revision' },
        values: {
          type: 'object',
          minProperties: 1,
          description:
            'New values of correctable fields: title, description, primaId, projectType, fundingYear, plannedStart, plannedEnd, region, coverage, benefitingMemberStates, actualStart, actualEnd',
        },
        reason,
        approver: {
          type: 'string',
          minLength: 1,
          maxLength: 200,
          description: 'The auditor who approved the correction',
        },
      },
      ['eventId', 'revision', 'values', 'reason', 'approver'],
    ),
    example: {
      eventId: '6f1c2a8e-3b5d-5e7f-9a1b-2c3d4e5f6a7b',
      revision: 0,
      values: { primaId: 'MN10P0001' },
      reason: 'Prima ID mistyped at import',
      approver: 'auditor@example.org',
    },
  },
};
