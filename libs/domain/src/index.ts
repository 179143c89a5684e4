export * from './project.types';
export * from './project.events';
export * from './project.commands';
export * from './project.state';
export * from './project.decision';
export { evolve, foldProject } from './project.evolve';
export { profileAfter, profileOf } from './project.evolve.profile';
export { decide } from './project.decide';
export { COMMAND_BODY_SCHEMAS, parseCommandInput, type ProjectCommandData } from './project.validation';
export type { FieldErrorCode } from './validation/field-errors';
/** The zod rule of each field, for generating JSON Schemas (contracts, OpenAPI) from the rules enforced. */
export * as fieldSchemas from './validation/field-schemas';
export { addDecimal, compareDecimal, formatAmount, isDecimalString, subtractDecimal } from './money';
export { CURRENCY_MINOR_DIGITS, currencyMinorDigits } from './currencies.policy';
export {
  addMonths,
  comparePartialDates,
  isFullDate,
  isPartialDate,
  lastDayOf,
  utcDateOf,
} from './partial-date';
export { countryCode } from './country-code';
export { COUNTRY_NAME_ALIASES } from './country-aliases.policy';
export { regionSlug } from './slugs';
export * from './examples/mongolia.example';
export {
  readStoredEvent,
  toProjectEvent,
  UnreadableStoredEventError,
  type StoredEventShape,
  type UnreadableReason,
} from './stored/stored-event';
export {
  currentSchemaVersion,
  FIRST_SCHEMA_VERSION,
  type StoredVersionChain,
  type StoredVersionRegistry,
  type Upcaster,
} from './stored/stored-event.versions';
export * from './project.profile.types';
export * from './project.profile.events';
export * from './project.profile.commands';
export * from './transaction.types';
export * from './transaction.events';
export * from './transaction.commands';
export { summariseFinances, type FinanceSummary } from './project.finances';
export { CLOSING_WINDOW_MONTHS, SPENT_SHARE_DECIMALS, SUMMARY_TYPES } from './finance.policy';
export { closingWindowEnd } from './project.decide.transactions';
export { orgKey } from './project.decide.profile';
export { dacSectorName } from './codelists/iati.codelists';
/** The zod rule of each profile and transaction field, for contracts generated from the rules enforced. */
export * as profileSchemas from './validation/profile-schemas';
export { transactionRefSchema } from './validation/transaction.inputs';
