import { CORRECTABLE_FIELDS, fieldSchemas as f } from '@ledger/domain';
import { z } from 'zod';
import type { PayloadsV1 } from '../integration-events';
import { MONEY_PAYLOAD_SCHEMAS_V1 } from './money-events.v1';

/*
 * The V1 payload of each event as zod schemas composed of the domain's field rules, so the JSON Schemas
 * published for consumers (generated with z.toJSONSchema) state the rules the domain enforces. Only what
 * the domain does not check on input (it normalises it) is written here: alpha-2 member-state codes, the
 * signed delta of a budget revision, the ids of a correction.
 */

const memberStateCodes = z.array(z.string().regex(/^[A-Z]{2}$/)).meta({ uniqueItems: true });
const money = z.object({ amount: f.amountSchema, currency: f.currencySchema }).strict();
const signedDecimal = z.string().regex(/^-?\d+(\.\d+)?$/);

const correctedValues = z
  .object({
    title: f.titleSchema.optional(),
    description: f.descriptionSchema.nullable().optional(),
    primaId: f.primaIdSchema.nullable().optional(),
    projectType: f.projectTypeSchema.optional(),
    fundingYear: f.fundingYearSchema.optional(),
    plannedStart: f.partialDateSchema.optional(),
    plannedEnd: f.partialDateSchema.optional(),
    region: f.regionSchema.optional(),
    coverage: f.coverageSchema.optional(),
    benefitingMemberStates: memberStateCodes.optional(),
    actualStart: f.partialDateSchema.optional(),
    actualEnd: f.partialDateSchema.optional(),
  } satisfies Record<(typeof CORRECTABLE_FIELDS)[number], z.ZodType>)
  .strict()
  .meta({ minProperties: 1 });

const created = z
  .object({
    projectId: f.projectIdSchema,
    primaId: f.primaIdSchema.nullable(),
    title: f.titleSchema,
    description: f.descriptionSchema.nullable(),
    projectType: f.projectTypeSchema,
    coverage: f.coverageSchema,
    region: f.regionSchema,
    fundingYear: f.fundingYearSchema,
    plannedStart: f.partialDateSchema,
    plannedEnd: f.partialDateSchema,
    budget: money,
    benefitingMemberStates: memberStateCodes,
  })
  .strict();

const reasoned = z.object({ projectId: f.projectIdSchema, reason: f.reasonSchema }).strict();

/** The zod schema of each V1 payload, typed by the payload it must describe exactly. */
export const PAYLOAD_SCHEMAS_V1 = {
  ProjectCreated: created,
  ProjectStarted: z.object({ projectId: f.projectIdSchema, actualStart: f.partialDateSchema }).strict(),
  ProjectCompleted: z.object({ projectId: f.projectIdSchema, actualEnd: f.partialDateSchema }).strict(),
  ProjectBudgetRevised: z
    .object({
      projectId: f.projectIdSchema,
      previous: f.amountSchema,
      amount: f.amountSchema,
      delta: signedDecimal,
      currency: f.currencySchema,
      reason: f.budgetReasonSchema,
      effectiveDate: f.fullDateSchema,
      note: f.reasonSchema.nullable(),
    })
    .strict(),
  ProjectSuspended: reasoned,
  ProjectResumed: z.object({ projectId: f.projectIdSchema, reason: f.reasonSchema.nullable() }).strict(),
  ProjectCancelled: reasoned,
  ProjectExtended: z
    .object({
      projectId: f.projectIdSchema,
      previousPlannedEnd: f.partialDateSchema,
      plannedEnd: f.partialDateSchema,
      reason: f.reasonSchema,
    })
    .strict(),
  ProjectRecordCorrected: z
    .object({
      projectId: f.projectIdSchema,
      correctedEventId: z.string().meta({ format: 'uuid' }),
      correctedRevision: z.number().int().min(0),
      values: correctedValues,
      previous: z.record(z.string(), z.unknown()),
      reason: f.reasonSchema,
      approvedBy: f.approverSchema,
    })
    .strict(),
  ...MONEY_PAYLOAD_SCHEMAS_V1,
} satisfies { [T in keyof PayloadsV1]: z.ZodType<PayloadsV1[T]> };

/*
 * `satisfies z.ZodType<P>` only checks that what the schema parses fits P; the reverse check below makes
 * sure P has no field the schema would refuse or leave undocumented.
 */
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** The event types whose payload type and schema disagree; a mismatch fails to build and names the type. */
type Mismatched = {
  [T in keyof PayloadsV1]: Exact<z.output<(typeof PAYLOAD_SCHEMAS_V1)[T]>, PayloadsV1[T]> extends true
    ? never
    : T;
}[keyof PayloadsV1];
const exact: [Mismatched] extends [never] ? true : Mismatched = true;
void exact;
