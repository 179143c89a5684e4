export * from './project.types';
export * from './project.events';
export * from './project.commands';
export * from './project.state';
export * from './project.decision';
export { evolve, foldProject } from './project.evolve';
export { decide } from './project.decide';
export { parseCommandInput, type ProjectCommandData } from './project.validation';
export type { FieldErrorCode } from './validation/field-errors';
/** The zod rule of each field, for generating JSON Schemas (contracts, OpenAPI) from the rules enforced. */
export * as fieldSchemas from './validation/field-schemas';
export { addDecimal, compareDecimal, formatAmount, isDecimalString, subtractDecimal } from './money';
export { CURRENCY_MINOR_DIGITS, currencyMinorDigits } from './currencies.policy';
export { comparePartialDates, isFullDate, isPartialDate, utcDateOf } from './partial-date';
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
