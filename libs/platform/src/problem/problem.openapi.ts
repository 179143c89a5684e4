import { applyDecorators } from '@nestjs/common';
import { ApiResponse, type ApiResponseOptions } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger';
import { PROBLEMS, type ProblemCode } from './problem.catalogue';
import { PROBLEM_CONTENT_TYPE, problemType } from './problem.exception';

/** Name of the shared RFC 9457 schema in components.schemas (the document builder registers it). */
export const PROBLEM_SCHEMA_NAME = 'Problem';

export const PROBLEM_SCHEMA: SchemaObject = {
  type: 'object',
  description: 'RFC 9457 problem details with a stable machine-readable code.',
  required: ['type', 'title', 'status', 'code'],
  properties: {
    type: { type: 'string', format: 'uri', example: problemType('PROJECT.NOT_FOUND') },
    title: { type: 'string', example: 'Project not found' },
    status: { type: 'integer', example: 404 },
    code: {
      type: 'string',
      description: 'Stable code, e.g. VALIDATION.FAILED or PROJECT.TERMINAL.',
      example: 'PROJECT.NOT_FOUND',
    },
    detail: { type: 'string', example: 'No project TC.0789 is recorded.' },
    instance: { type: 'string', example: '/projects/TC.0789' },
    errors: {
      type: 'array',
      description: 'One entry per bad field (validation problems).',
      items: {
        type: 'object',
        required: ['field', 'code', 'message'],
        properties: {
          field: { type: 'string', example: 'budget.amount' },
          code: { type: 'string', example: 'INVALID_FORMAT' },
          message: {
            type: 'string',
            example: 'budget.amount must be a decimal string such as "200000.00", not a number.',
          },
        },
      },
    },
  },
};

/**
 * A problem+json response whose `code` is one of `codes`. A catalogued code documented under another
 * status than the one it is sent with fails the document's build (and so the OpenAPI test).
 */
export function problemResponse(
  status: number,
  description: string,
  codes: readonly string[],
): ApiResponseOptions {
  const catalogued = (code: string) => (PROBLEMS as Record<string, { status: number }>)[code];
  const misfiled = codes.filter((code) => catalogued(code) && catalogued(code).status !== status);
  if (misfiled.length > 0)
    throw new Error(`Documented under ${status} but sent with another status: ${misfiled.join(', ')}`);
  return {
    status,
    description: `${description}. Problem codes: ${codes.join(', ')}.`,
    content: {
      [PROBLEM_CONTENT_TYPE]: {
        schema: {
          allOf: [
            { $ref: `#/components/schemas/${PROBLEM_SCHEMA_NAME}` },
            { type: 'object', properties: { code: { type: 'string', enum: [...codes] } } },
          ],
        },
        example: { type: problemType(codes[0]), title: description, status, code: codes[0] },
      },
    },
  };
}

/** Documents each status with its problem codes: `@ApiProblems({ 404: ['PROJECT.NOT_FOUND'] })`. */
export function ApiProblems(
  byStatus: Partial<Record<number, readonly ProblemCode[]>>,
  descriptions: Record<number, string> = {},
) {
  return applyDecorators(
    ...Object.entries(byStatus).flatMap(([status, codes]) =>
      codes
        ? [
            ApiResponse(
              problemResponse(
                Number(status),
                descriptions[Number(status)] ?? defaultDescription(Number(status)),
                codes,
              ),
            ),
          ]
        : [],
    ),
  );
}

function defaultDescription(status: number): string {
  switch (status) {
    case 400:
      return 'The request is not valid';
    case 404:
      return 'Not found';
    case 409:
      return 'A lifecycle rule refuses the command';
    case 412:
      return 'If-Match names a stale revision';
    case 413:
      return 'The body is too large';
    case 415:
      return 'The body is not JSON';
    case 422:
      return 'The Idempotency-Key was used for another request';
    default:
      return 'Error';
  }
}
