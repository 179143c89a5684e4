import { z } from 'zod';
import { countryCode } from '../country-code';
import type { CorrectProjectRecord } from '../project.commands';
import type { FieldError, Validated } from '../project.decision';
import { CORRECTABLE_FIELDS, type CorrectedValues } from '../project.events';
import { dateOrderErrors, duplicateStateErrors } from './cross-checks';
import { fieldError } from './field-errors';
import {
  approverSchema,
  coverageSchema,
  descriptionSchema,
  fundingYearSchema,
  memberStatesSchema,
  partialDateSchema,
  primaIdSchema,
  projectTypeSchema,
  reasonSchema,
  regionSchema,
  titleSchema,
} from './field-schemas';
import { own, parseWith } from './parse-with';

const valuesSchema = z
  .object({
    title: titleSchema.optional(),
    description: descriptionSchema.nullable().optional(),
    primaId: primaIdSchema.nullable().optional(),
    projectType: projectTypeSchema.optional(),
    fundingYear: fundingYearSchema.optional(),
    plannedStart: partialDateSchema.optional(),
    plannedEnd: partialDateSchema.optional(),
    region: regionSchema.optional(),
    coverage: coverageSchema.optional(),
    benefitingMemberStates: memberStatesSchema.optional(),
    actualStart: partialDateSchema.optional(),
    actualEnd: partialDateSchema.optional(),
  })
  .strict();

export const correctionBody = z
  .object({
    eventId: z
      .string()
      .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i)
      // A JSON Schema pattern has no flags: the documented one spells out both cases.
      .meta({
        format: 'uuid',
        pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
        description: 'The event being corrected',
      }),
    revision: z.number().int().min(0).meta({ description: 'Its stream revision' }),
    values: valuesSchema.meta({
      minProperties: 1,
      description: `New values of correctable fields: ${CORRECTABLE_FIELDS.join(', ')}`,
    }),
    reason: reasonSchema,
    approver: approverSchema.meta({ description: 'The auditor who approved the correction' }),
  })
  .strict();

function crossChecks(body: Record<string, unknown>): FieldError[] {
  const values = own(body, 'values');
  if (values === null || typeof values !== 'object' || Array.isArray(values)) return [];
  const v = values as Record<string, unknown>;
  if (Object.keys(v).length === 0)
    return [fieldError('values', 'REQUIRED', 'values must name at least one field to correct.')];
  const out: FieldError[] = [];
  if (typeof v.plannedStart === 'string' && typeof v.plannedEnd === 'string') {
    out.push(...dateOrderErrors('values.plannedStart', v.plannedStart, 'values.plannedEnd', v.plannedEnd));
  }
  if (Array.isArray(v.benefitingMemberStates))
    out.push(...duplicateStateErrors('values.benefitingMemberStates', v.benefitingMemberStates));
  return out;
}

/** Validates a CorrectProjectRecord body: {eventId, revision, values: {...correctable fields}, reason, approver}. */
export function parseCorrection(body: unknown): Validated<Omit<CorrectProjectRecord['data'], 'projectId'>> {
  return parseWith(correctionBody, body, crossChecks, (b) => {
    const values = Object.fromEntries(
      Object.entries(b.values).filter(([, value]) => value !== undefined),
    ) as CorrectedValues;
    if (values.benefitingMemberStates)
      values.benefitingMemberStates = values.benefitingMemberStates.map((s) => countryCode(s) as string);
    return {
      eventId: b.eventId.toLowerCase(),
      revision: b.revision,
      values,
      reason: b.reason,
      approver: b.approver,
    };
  });
}
