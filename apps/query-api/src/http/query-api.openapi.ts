import { applyDecorators } from '@nestjs/common';
import {
  ApiHeader,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiQuery,
  ApiResponse,
  type SchemaObject,
} from '@nestjs/swagger';
import { COVERAGES, PROJECT_STATUSES, REGIONS } from '@ledger/domain';
import { ApiProblems } from '@ledger/platform/problem/problem.openapi';
import type { ProblemCode } from '@ledger/platform';
import { SORT_FIELDS, STATS_DIMENSIONS } from '@ledger/read-model';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../params/list-projects.params';
import { POSITION_HEADER } from './projection-position';

/* Documentation only: the routes' own parameter readers stay the source of truth. */

const money: SchemaObject = {
  type: 'object',
  required: ['amount', 'currency'],
  properties: {
    amount: { type: 'string', example: '200000.00' },
    currency: { type: 'string', example: 'USD' },
  },
};
const list = (description: string): SchemaObject => ({
  type: 'array',
  description,
  items: { type: 'object' },
});
const PROFILE: SchemaObject = {
  type: 'object',
  nullable: true,
  description:
    'As the domain records it (same fields as the create body). null: the row was projected before profiles were; `npm run projector -- rebuild` fills it',
  properties: {
    participatingOrgs: list(
      'Funding, accountable, extending and implementing organisations, each with its orgId, role, name, ref, type and activityId',
    ),
    sectors: list('Vocabulary, code and percentage of each sector'),
    humanitarian: { type: 'boolean' },
    recipientCountries: list('ISO 3166-1 alpha-2 code and percentage of each recipient country'),
    locations: list('Sub-national locations: name, optional WGS84 point, administrative codes'),
  },
};
const PROJECT: SchemaObject = {
  type: 'object',
  properties: {
    projectId: { type: 'string', example: 'TC.0789' },
    primaId: { type: 'string', nullable: true, example: 'MN10P0001' },
    title: {
      type: 'string',
      example:
        'Supporting the Government of Mongolia to Improve Migration Management through Migration Management Policy and Training of Border Officials',
    },
    description: { type: 'string', nullable: true },
    projectType: { type: 'string', example: 'TCMMCB' },
    coverage: { type: 'string', enum: [...COVERAGES], example: 'national' },
    region: { type: 'string', enum: [...REGIONS], example: 'Asia and Oceania' },
    fundingYear: { type: 'integer', example: 2014 },
    plannedStart: { type: 'string', example: '2014' },
    plannedEnd: { type: 'string', example: '2016' },
    actualStart: { type: 'string', nullable: true, example: '2014-03' },
    actualEnd: { type: 'string', nullable: true, example: '2016-12' },
    status: { type: 'string', enum: [...PROJECT_STATUSES], example: 'completed' },
    statusReason: { type: 'string', nullable: true },
    budget: money,
    initialBudget: money,
    budgetRevisionCount: { type: 'integer', example: 1 },
    benefitingMemberStates: { type: 'array', items: { type: 'string' }, example: ['MN'] },
    profile: PROFILE,
    revision: {
      type: 'integer',
      description: 'Stream revision of the last event applied (the ETag)',
      example: 3,
    },
    lastPosition: { type: 'integer', example: 4 },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
};
const REVISION: SchemaObject = {
  type: 'object',
  properties: {
    revisionNo: { type: 'integer', example: 1 },
    position: { type: 'integer', example: 3 },
    previous: { type: 'string', example: '180000.00' },
    amount: { type: 'string', example: '200000.00' },
    delta: { type: 'string', example: '20000.00' },
    currency: { type: 'string', example: 'USD' },
    reason: { type: 'string', example: 'additional-funding' },
    effectiveDate: { type: 'string', format: 'date', example: '2015-01-15' },
    note: { type: 'string', nullable: true, example: 'Second donor tranche' },
    recordedAt: { type: 'string', format: 'date-time' },
  },
};

export const positionHeader = {
  [POSITION_HEADER]: {
    description: 'The event-log position the answer reflects',
    schema: { type: 'integer' },
  },
};
export const minPosition = ApiQuery({
  name: 'minPosition',
  required: false,
  schema: { type: 'integer', minimum: 0 },
  description:
    "Wait (up to 5 s) until the read model reflects this position: read your own write with a command's `position`",
});
export const projectId = ApiParam({ name: 'id', description: 'Projects ID', example: 'TC.0789' });
export const behind = { 503: ['PROJECTION.BEHIND'] } satisfies Record<number, ProblemCode[]>;
export const badQuery = { 400: ['QUERY.INVALID_PARAMETER'] } satisfies Record<number, ProblemCode[]>;

export const ApiListProjects = () =>
  applyDecorators(
    ApiOperation({ summary: 'List projects (filters, sort, keyset pages)' }),
    ApiQuery({ name: 'status', required: false, enum: [...PROJECT_STATUSES] }),
    ApiQuery({ name: 'region', required: false, enum: [...REGIONS], example: 'Asia and Oceania' }),
    ApiQuery({ name: 'projectType', required: false, example: 'TCMMCB' }),
    ApiQuery({ name: 'coverage', required: false, enum: [...COVERAGES] }),
    ApiQuery({
      name: 'memberState',
      required: false,
      description: 'ISO 3166-1 code or country name',
      example: 'MN',
    }),
    ApiQuery({
      name: 'fundingYear',
      required: false,
      schema: { type: 'integer', minimum: 1990, maximum: 2100 },
    }),
    ApiQuery({ name: 'q', required: false, description: 'Text search, at most 200 characters' }),
    ApiQuery({
      name: 'sort',
      required: false,
      enum: SORT_FIELDS.flatMap((f) => [f, `-${f}`]),
      description: 'A leading - sorts descending; default title',
    }),
    ApiQuery({
      name: 'limit',
      required: false,
      schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT },
    }),
    ApiQuery({
      name: 'cursor',
      required: false,
      description: 'nextCursor of the previous page (same filters and sort)',
    }),
    minPosition,
    ApiResponse({
      status: 200,
      description: 'One page of projects',
      headers: positionHeader,
      schema: {
        type: 'object',
        properties: {
          items: { type: 'array', items: PROJECT },
          nextCursor: { type: 'string', nullable: true },
        },
      },
    }),
    ApiProblems({ ...badQuery, ...behind }),
  );

export const ApiGetProject = () =>
  applyDecorators(
    ApiOperation({ summary: 'One project from the read model' }),
    projectId,
    minPosition,
    ApiHeader({
      name: 'If-None-Match',
      required: false,
      description: 'The ETag you hold: 304 when it is still current',
    }),
    ApiResponse({
      status: 200,
      description: 'The project',
      headers: {
        ETag: { description: 'The project revision, e.g. "3"', schema: { type: 'string' } },
        ...positionHeader,
      },
      schema: PROJECT,
    }),
    ApiResponse({ status: 304, description: 'Your copy is current' }),
    ApiProblems({ ...badQuery, 404: ['PROJECT.NOT_FOUND'], ...behind }),
  );

export const ApiBudgetRevisions = () =>
  applyDecorators(
    ApiOperation({ summary: "A project's budget revisions, oldest first" }),
    projectId,
    minPosition,
    ApiResponse({
      status: 200,
      description: 'Every revision',
      headers: positionHeader,
      schema: { type: 'array', items: REVISION },
    }),
    ApiProblems({ ...badQuery, 404: ['PROJECT.NOT_FOUND'], ...behind }),
  );

export const ApiBudgetStats = () =>
  applyDecorators(
    ApiOperation({ summary: 'Project counts and exact budget totals per group (and per currency)' }),
    ApiQuery({ name: 'groupBy', required: true, enum: [...STATS_DIMENSIONS] }),
    minPosition,
    ApiResponse({
      status: 200,
      description: 'One row per group and currency',
      headers: positionHeader,
      schema: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            key: { oneOf: [{ type: 'string' }, { type: 'integer' }], example: 'Asia and Oceania' },
            projects: { type: 'integer', example: 1 },
            budget: {
              type: 'object',
              properties: {
                currency: { type: 'string', example: 'USD' },
                total: { type: 'string', example: '200000.00' },
              },
            },
          },
        },
      },
    }),
    ApiProblems({ ...badQuery, ...behind }),
  );

export const ApiProjectUpdates = () =>
  applyDecorators(
    ApiOperation({
      summary: 'Live read-model changes as Server-Sent Events (event project-changed, id = position)',
    }),
    ApiQuery({
      name: 'lastEventId',
      required: false,
      schema: { type: 'integer', minimum: 0 },
      description: 'Resume after this position (or send Last-Event-ID)',
    }),
    ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume after this position' }),
    ApiProduces('text/event-stream'),
    ApiResponse({
      status: 200,
      description: 'An endless event stream',
      content: {
        'text/event-stream': {
          schema: { type: 'string' },
          example:
            'id: 4\nevent: project-changed\ndata: {"position":4,"projectId":"TC.0789","eventType":"ProjectCompleted","revision":3,"status":"completed","recordedAt":"2016-12-20T10:00:00.000Z"}\n\n',
        },
      },
    }),
    ApiProblems(badQuery),
  );
