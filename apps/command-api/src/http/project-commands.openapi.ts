import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiParam, ApiResponse, type SchemaObject } from '@nestjs/swagger';
import type { ProjectCommandType } from '@ledger/domain';
import { PROJECT_COMMANDS } from '@ledger/commands';
import { ApiProblems } from '@ledger/platform/problem/problem.openapi';

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
  const { docs, conflicts, http } = PROJECT_COMMANDS[type];
  const { schema, example, summary } = docs;
  const create = http.status === 201;
  const headers = {
    ETag: { description: 'The new revision, e.g. "0"', schema: { type: 'string' } },
    ...(create ? { Location: { description: '/projects/{id}', schema: { type: 'string' } } } : {}),
  };
  return applyDecorators(
    ApiOperation({ summary, operationId: type }),
    ...(create ? [] : [ApiParam({ name: 'id', description: 'Projects ID', example: 'TC.0789' })]),
    ApiBody({
      schema: schema as SchemaObject,
      examples: { mongolia: { summary: 'The Mongolia project (README)', value: example } },
    }),
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
      409: [...conflicts, 'PROJECT.CONCURRENCY_CONFLICT'],
      412: ['PROJECT.REVISION_MISMATCH'],
      413: ['REQUEST.TOO_LARGE'],
      415: ['REQUEST.UNSUPPORTED_MEDIA_TYPE'],
      422: ['IDEMPOTENCY.KEY_REUSED'],
    }),
  );
}
