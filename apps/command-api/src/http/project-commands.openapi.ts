import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiParam, ApiResponse, type SchemaObject } from '@nestjs/swagger';
import {
  BUDGET_REASONS,
  COVERAGES,
  CURRENCY_MINOR_DIGITS,
  MONGOLIA_CREATE_BODY,
  REGIONS,
  type ProjectCommandType,
} from '@ledger/domain';
import { ApiProblems } from '@ledger/platform/problem/problem.openapi';

/*
 * Documentation only: the domain's zod validation (parseCommandInput) stays the source of truth. These
 * schemas restate its rules for readers and clients, built from the same constants so lists cannot drift.
 */
const partialDate: SchemaObject = {
  type: 'string',
  pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$',
  description: 'YYYY, YYYY-MM or YYYY-MM-DD',
};
const amount: SchemaObject = {
  type: 'string',
  pattern: '^\\d+(\\.\\d+)?$',
  description: "Decimal string, > 0, at most the currency's minor digits; never a JSON number",
  example: '200000.00',
};
const currency: SchemaObject = { type: 'string', enum: Object.keys(CURRENCY_MINOR_DIGITS), example: 'USD' };
const reason: SchemaObject = { type: 'string', minLength: 1, maxLength: 2000 };

// OpenAPI 3.0 forbids an empty `required` list.
const object = (properties: Record<string, SchemaObject>, required: string[]): SchemaObject => ({
  type: 'object',
  additionalProperties: false,
  properties,
  ...(required.length > 0 ? { required } : {}),
});

const BODIES: Record<
  ProjectCommandType,
  { schema: SchemaObject; example: Record<string, unknown>; summary: string }
> = {
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

/** 409 codes each command can meet (PROJECT.CONCURRENCY_CONFLICT: the project kept changing while deciding). */
const CONFLICTS: Record<ProjectCommandType, string[]> = {
  CreateProject: ['PROJECT.ALREADY_EXISTS', 'PROJECT.PRIMA_ID_TAKEN'],
  StartProject: ['PROJECT.NOT_PLANNED', 'PROJECT.TERMINAL', 'PROJECT.START_IN_FUTURE'],
  CompleteProject: [
    'PROJECT.NOT_ACTIVE',
    'PROJECT.TERMINAL',
    'PROJECT.END_BEFORE_START',
    'PROJECT.END_IN_FUTURE',
  ],
  ReviseProjectBudget: ['PROJECT.TERMINAL', 'PROJECT.CURRENCY_MISMATCH', 'PROJECT.BUDGET_UNCHANGED'],
  SuspendProject: ['PROJECT.NOT_ACTIVE', 'PROJECT.TERMINAL'],
  ResumeProject: ['PROJECT.NOT_SUSPENDED', 'PROJECT.TERMINAL'],
  CancelProject: ['PROJECT.TERMINAL'],
  ExtendProject: ['PROJECT.TERMINAL', 'PROJECT.EXTENSION_NOT_LATER'],
  CorrectProjectRecord: [
    'PROJECT.CORRECTION_UNCHANGED',
    'PROJECT.CORRECTION_INVALID',
    'CORRECTION.TARGET_MISMATCH',
  ],
};

const RESULT: SchemaObject = {
  type: 'object',
  required: ['projectId', 'revision', 'position'],
  properties: {
    projectId: { type: 'string', example: 'TC.0789' },
    revision: {
      type: 'integer',
      description: 'The stream revision after the command: send it as If-Match next time',
      example: 0,
    },
    position: { type: 'integer', description: 'Global position of the last event written', example: 1 },
  },
};

/** Everything the document says about one command route: body, headers, result and every problem code. */
export function ApiCommand(type: ProjectCommandType) {
  const { schema, example, summary } = BODIES[type];
  const create = type === 'CreateProject';
  const headers = {
    ETag: { description: 'The new revision, e.g. "0"', schema: { type: 'string' } },
    ...(create ? { Location: { description: '/projects/{id}', schema: { type: 'string' } } } : {}),
  };
  return applyDecorators(
    ApiOperation({ summary, operationId: type }),
    ...(create ? [] : [ApiParam({ name: 'id', description: 'Projects ID', example: 'TC.0789' })]),
    ApiBody({ schema, examples: { mongolia: { summary: 'The Mongolia project (README)', value: example } } }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Makes a retry safe: the first response is replayed and nothing is appended',
    }),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'The revision the caller last saw, e.g. "3"; a stale one gives 412',
    }),
    ApiHeader({
      name: 'X-Correlation-Id',
      required: false,
      description: 'Carried into event metadata; generated when absent',
    }),
    ApiResponse({
      status: create ? 201 : 200,
      description: 'Accepted: the events are stored',
      headers,
      content: {
        'application/json': {
          schema: RESULT,
          example: { projectId: 'TC.0789', revision: create ? 0 : 1, position: create ? 1 : 2 },
        },
      },
    }),
    ApiProblems({
      400: [
        'VALIDATION.FAILED',
        'REQUEST.MALFORMED_JSON',
        'REQUEST.INVALID',
        'REQUEST.INVALID_HEADER',
        'QUERY.INVALID_PARAMETER',
      ],
      ...(create ? {} : { 404: ['PROJECT.NOT_FOUND'] as string[] }),
      409: [...CONFLICTS[type], 'PROJECT.CONCURRENCY_CONFLICT'],
      412: ['PROJECT.REVISION_MISMATCH'],
      413: ['REQUEST.TOO_LARGE'],
      415: ['REQUEST.UNSUPPORTED_MEDIA_TYPE'],
      422: ['IDEMPOTENCY.KEY_REUSED'],
    }),
  );
}
