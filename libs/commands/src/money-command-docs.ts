import {
  CURRENCY_MINOR_DIGITS,
  ORG_ROLES,
  SECTOR_VOCABULARIES,
  TRANSACTION_TYPES,
  type ProfileCommand,
  type TransactionCommand,
} from '@ledger/domain';
import type { CommandDocs, JsonSchema } from './command-docs';

/* Documentation of the profile and money commands (issue 13); parseCommandInput stays the rule. */

const object = (properties: Record<string, JsonSchema>, required: string[]): JsonSchema => ({
  type: 'object',
  additionalProperties: false,
  properties,
  ...(required.length > 0 ? { required } : {}),
});
const text = (maxLength: number, extra: JsonSchema = {}): JsonSchema => ({
  type: 'string',
  minLength: 1,
  maxLength,
  ...extra,
});
const nullable = (schema: JsonSchema): JsonSchema => ({ ...schema, nullable: true });
const percentage: JsonSchema = {
  type: 'string',
  pattern: '^\\d+(\\.\\d{1,4})?$',
  description:
    'Decimal string 0-100; the entries of one group sum to exactly 100. May be left out by a sole entry (100).',
  example: '100',
};
const orgRef: JsonSchema = text(200, {
  pattern: '^[A-Z]{2}-[A-Za-z0-9]+-[^\\s/?#&|%]+$',
  description: 'IATI organisation identifier, e.g. XM-DAC-701-2',
});
const fullDate: JsonSchema = { type: 'string', format: 'date' };

const participatingOrg = object(
  {
    role: { type: 'string', enum: [...ORG_ROLES], description: 'IATI OrganisationRole 1-4' },
    name: text(500),
    ref: nullable(orgRef),
    type: nullable({ type: 'string', description: 'IATI OrganisationType code, e.g. 10 (Government)' }),
    activityId: nullable(text(200, { description: "The organisation's own id of this activity" })),
  },
  ['role', 'name'],
);
const sectors: JsonSchema = {
  type: 'array',
  maxItems: 100,
  description:
    'Vocabulary 1: DAC 5-digit code, 2: DAC 3-digit code (both checked against the IATI codelists); 98/99: the organisation’s own. Percentages sum to 100 per vocabulary.',
  items: object(
    {
      vocabulary: { type: 'string', enum: [...SECTOR_VOCABULARIES] },
      code: text(100),
      percentage: nullable(percentage),
      vocabularyUri: nullable({ type: 'string', format: 'uri' }),
    },
    ['vocabulary', 'code'],
  ),
};
const recipientCountries: JsonSchema = {
  type: 'array',
  maxItems: 250,
  description: 'ISO 3166-1 codes or names; percentages sum to 100',
  items: object({ country: { type: 'string' }, percentage: nullable(percentage) }, ['country']),
};
const locations: JsonSchema = {
  type: 'array',
  maxItems: 500,
  description: 'Sub-national places',
  items: object(
    {
      name: text(500),
      ref: nullable(text(200)),
      point: nullable(
        object(
          {
            latitude: { type: 'number', minimum: -90, maximum: 90 },
            longitude: { type: 'number', minimum: -180, maximum: 180 },
          },
          ['latitude', 'longitude'],
        ),
      ),
      administrative: nullable({
        type: 'array',
        items: object(
          {
            vocabulary: { type: 'string', description: 'IATI GeographicVocabulary code, e.g. A1, G1' },
            code: text(100),
            level: nullable({ type: 'integer', minimum: 0, maximum: 10 }),
          },
          ['vocabulary', 'code'],
        ),
      }),
    },
    ['name'],
  ),
};

/** The profile fields CreateProject also accepts. */
export const PROFILE_PROPERTIES: Record<string, JsonSchema> = {
  participatingOrgs: { type: 'array', maxItems: 100, items: participatingOrg },
  sectors,
  humanitarian: { type: 'boolean', nullable: true, description: 'Defaults to false' },
  recipientCountries,
  locations,
};

const party = object({ name: text(500), ref: nullable(orgRef), activityId: nullable(text(200)) }, ['name']);
const FUNDER_EXAMPLE = {
  role: 'funding',
  name: 'Ministry of Foreign Affairs of Japan',
  ref: 'XM-DAC-701-2',
  type: '10',
};

export const MONEY_COMMAND_DOCS: Record<(ProfileCommand | TransactionCommand)['type'], CommandDocs> = {
  AddParticipatingOrg: {
    summary: 'Add a participating organisation (the ledger gives it an orgId: org-1, org-2, ...)',
    schema: participatingOrg,
    example: FUNDER_EXAMPLE,
  },
  ChangeParticipatingOrg: {
    summary: 'Replace every field of a participating organisation',
    schema: participatingOrg,
    example: { ...FUNDER_EXAMPLE, activityId: 'JP-2014-MN-01' },
  },
  RemoveParticipatingOrg: {
    summary: 'Remove a participating organisation',
    schema: object({ reason: nullable(text(2000)) }, []),
    example: { reason: 'Entered by mistake' },
  },
  ChangeProjectSectors: {
    summary: 'Replace the sector list',
    schema: object({ sectors }, ['sectors']),
    example: { sectors: [{ vocabulary: '1', code: '15190', percentage: '100' }] },
  },
  ChangeHumanitarianFlag: {
    summary: 'Set or clear the humanitarian flag',
    schema: object({ humanitarian: { type: 'boolean' } }, ['humanitarian']),
    example: { humanitarian: true },
  },
  ChangeProjectLocations: {
    summary: 'Replace the recipient countries and sub-national locations',
    schema: object({ recipientCountries, locations }, ['recipientCountries', 'locations']),
    example: {
      recipientCountries: [{ country: 'MN', percentage: '100' }],
      locations: [{ name: 'Ulaanbaatar', point: { latitude: 47.9184, longitude: 106.9177 } }],
    },
  },
  RecordTransaction: {
    summary:
      'Record a financial transaction (not dated after today; after the end only within the closing window)',
    schema: object(
      {
        ref: text(100, {
          pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]*$',
          description: 'Unique within the project',
        }),
        type: {
          description: `One of ${TRANSACTION_TYPES.join(', ')}, or its IATI TransactionType code 1-${TRANSACTION_TYPES.length}`,
          oneOf: [
            { type: 'string', enum: [...TRANSACTION_TYPES] },
            { type: 'string', pattern: '^\\d{1,2}$' },
            { type: 'integer', minimum: 1, maximum: TRANSACTION_TYPES.length },
          ],
        },
        date: fullDate,
        value: object(
          {
            amount: { type: 'string', pattern: '^\\d+(\\.\\d+)?$', description: 'Decimal string, > 0' },
            currency: { type: 'string', enum: Object.keys(CURRENCY_MINOR_DIGITS) },
          },
          ['amount', 'currency'],
        ),
        valueDate: nullable(fullDate),
        provider: nullable(party),
        receiver: nullable(party),
        description: nullable({ type: 'string', maxLength: 2000 }),
      },
      ['ref', 'type', 'date', 'value'],
    ),
    example: {
      ref: 'TX-2014-001',
      type: 'incoming-commitment',
      date: '2014-02-10',
      value: { amount: '200000.00', currency: 'USD' },
      provider: { name: 'Ministry of Foreign Affairs of Japan', ref: 'XM-DAC-701-2' },
    },
  },
  ReverseTransaction: {
    summary: 'Reverse a recorded transaction (nothing is edited: the reversal subtracts it)',
    schema: object(
      {
        reason: text(2000),
        date: nullable({ ...fullDate, description: 'Defaults to the day of the command' }),
      },
      ['reason'],
    ),
    example: { reason: 'Booked twice' },
  },
};
