import { z } from 'zod';
import { countryCode } from '../country-code';
import type { CorrectProjectRecord } from '../project.commands';
import type { FieldError, Validated } from '../project.decision';
import type { CorrectedValues } from '../project.events';
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

const correctionBody = z
  .object({
    eventId: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i),
    revision: z.number().int().min(0),
    values: valuesSchema,
    reason: reasonSchema,
    approver: approverSchema,
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
