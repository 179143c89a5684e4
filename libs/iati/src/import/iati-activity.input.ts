import type { ParticipatingOrgFields } from '@ledger/domain';

/** One iati-activity as read from the XML: strings as written, nothing interpreted yet. */
export interface IatiActivityInput {
  /** 1-based position in the file, for messages about activities without an identifier. */
  index: number;
  iatiIdentifier: string | null;
  reportingOrgRef: string | null;
  /** other-identifier type B1: earlier identifiers of the reporting organisation (older prefixes). */
  previousOrgRefs: string[];
  defaultCurrency: string | null;
  /** iati-activity/@humanitarian read as a boolean; null when absent or not a boolean. */
  humanitarian: boolean | null;
  /** participating-org elements as the domain's fields (those without a known role or a name left out). */
  participatingOrgs: ParticipatingOrgFields[];
  title: string | null;
  /** The general description (type 1, or untyped). */
  description: string | null;
  /** other-identifier of type A1. */
  primaId: string | null;
  statusCode: string | null;
  dates: { type: string; isoDate: string; precision: string | null }[];
  scopeCode: string | null;
  countries: string[];
  regions: { code: string; vocabulary: string | null; narrative: string | null }[];
  /**
   * vocabulary: as written; an absent one means 1 (DAC 5-digit), the standard's default. `projectTypeOnly`:
   * the sector our own export writes for the project type alone (marked `ledger:stands-in`), no sector field.
   */
  sectors: IatiSectorInput[];
  /** recipient-country elements with their shares as written (percentage null when absent). */
  countryShares: { code: string; percentage: string | null; computed: boolean }[];
  locations: IatiLocationInput[];
  transactions: IatiTransactionInput[];
  budgets: IatiBudgetInput[];
  /** What the ledger does not hold in a field: kept verbatim, refused, or personal data. */
  source: IatiSourceAccount;
}

export interface IatiBudgetInput {
  /** '1' Original (also when absent), '2' Revised. */
  type: string;
  /** '1' Indicative (also when absent), '2' Committed. */
  status: string;
  periodStart: string | null;
  periodEnd: string | null;
  amount: string | null;
  currency: string | null;
  valueDate: string | null;
  /** ledger:reason, written by our own export. */
  reason: string | null;
}

export interface IatiSectorInput {
  code: string;
  vocabulary: string;
  percentage: string | null;
  vocabularyUri: string | null;
  projectTypeOnly: boolean;
}

export interface IatiLocationInput {
  name: string | null;
  ref: string | null;
  /** point/pos as written: "latitude longitude". */
  pos: string | null;
  administrative: { vocabulary: string | null; code: string | null; level: string | null }[];
}

export interface IatiPartyInput {
  name: string | null;
  ref: string | null;
  activityId: string | null;
}

export interface IatiTransactionInput {
  /** @ref as written. */
  ref: string | null;
  typeCode: string | null;
  date: string | null;
  amount: string | null;
  currency: string | null;
  valueDate: string | null;
  provider: IatiPartyInput | null;
  receiver: IatiPartyInput | null;
  description: string | null;
  /** `ledger:reverses`: our own export's way of writing a reversal (of the transaction of that ref). */
  reverses: string | null;
  /** The element's canonical XML: where a transaction without a usable @ref gets its ledger ref from. */
  xml: string;
}

/** One element kept verbatim: its name and canonical XML. */
export interface KeptElement {
  name: string;
  xml: string;
}

/** Something of the source the ledger neither holds nor keeps, and why. */
export interface Refusal {
  element: string;
  reason: string;
}

/** A value in contact details that identifies a person (listed so a publisher sees what the ledger holds). */
export interface PersonalDatum {
  element: string;
  value: string;
}

export interface IatiSourceAccount {
  /** iati-activity attributes kept as given (xml:lang, default-currency, humanitarian, ...). */
  attributes: Record<string, string>;
  elements: KeptElement[];
  refused: Refusal[];
  personal: PersonalDatum[];
}

/** A label for messages: the identifier, or the activity's position in the file. */
export const activityLabel = (activity: Pick<IatiActivityInput, 'iatiIdentifier' | 'index'>): string =>
  activity.iatiIdentifier ?? `iati-activity #${activity.index}`;
