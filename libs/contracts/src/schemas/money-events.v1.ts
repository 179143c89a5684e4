import {
  ORG_ROLES,
  SECTOR_VOCABULARIES,
  TRANSACTION_TYPES,
  fieldSchemas as f,
  profileSchemas as p,
  transactionRefSchema,
} from '@ledger/domain';
import { z } from 'zod';
import type { MoneyPayloadsV1 } from '../integration-events.money';

/* V1 payloads of the profile and money events, from the domain's field rules (see project-events.v1.ts). */

const text = z.string().min(1);
const orgId = z.string().regex(/^org-\d+$/);
const orgFields = {
  role: z.enum(ORG_ROLES),
  name: text,
  ref: p.orgRefSchema.nullable(),
  type: p.orgTypeSchema.nullable(),
  activityId: text.nullable(),
};
const org = z.object({ projectId: f.projectIdSchema, orgId, ...orgFields }).strict();
const percentage = z.string().regex(/^\d+(\.\d+)?$/);
const money = z.object({ amount: f.amountSchema, currency: f.currencySchema }).strict();
const party = z.object({ name: text, ref: p.orgRefSchema.nullable(), activityId: text.nullable() }).strict();
const transactionType = z.enum(TRANSACTION_TYPES);

export const MONEY_PAYLOAD_SCHEMAS_V1 = {
  ParticipatingOrgAdded: org,
  ParticipatingOrgChanged: org.extend({ previous: z.object(orgFields).strict() }).strict(),
  ParticipatingOrgRemoved: z
    .object({ projectId: f.projectIdSchema, orgId, reason: f.reasonSchema.nullable() })
    .strict(),
  ProjectSectorsChanged: z
    .object({
      projectId: f.projectIdSchema,
      sectors: z.array(
        z
          .object({
            vocabulary: z.enum(SECTOR_VOCABULARIES),
            code: text,
            percentage,
            vocabularyUri: z.string().nullable(),
          })
          .strict(),
      ),
    })
    .strict(),
  HumanitarianFlagChanged: z.object({ projectId: f.projectIdSchema, humanitarian: z.boolean() }).strict(),
  ProjectLocationsChanged: z
    .object({
      projectId: f.projectIdSchema,
      recipientCountries: z.array(z.object({ country: z.string().regex(/^[A-Z]{2}$/), percentage }).strict()),
      locations: z.array(
        z
          .object({
            name: text,
            ref: text.nullable(),
            point: z
              .object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) })
              .strict()
              .nullable(),
            administrative: z.array(
              z.object({ vocabulary: text, code: text, level: z.number().int().nullable() }).strict(),
            ),
          })
          .strict(),
      ),
    })
    .strict(),
  TransactionRecorded: z
    .object({
      projectId: f.projectIdSchema,
      ref: transactionRefSchema,
      type: transactionType,
      date: f.fullDateSchema,
      value: money,
      valueDate: f.fullDateSchema.nullable(),
      provider: party.nullable(),
      receiver: party.nullable(),
      description: z.string().nullable(),
    })
    .strict(),
  TransactionReversed: z
    .object({
      projectId: f.projectIdSchema,
      ref: transactionRefSchema,
      type: transactionType,
      value: money,
      date: f.fullDateSchema,
      reason: f.reasonSchema,
    })
    .strict(),
} satisfies { [T in keyof MoneyPayloadsV1]: z.ZodType<MoneyPayloadsV1[T]> };
