/** One iati-activity as read from the XML: strings as written, nothing interpreted yet. */
export interface IatiActivityInput {
  /** 1-based position in the file, for messages about activities without an identifier. */
  index: number;
  iatiIdentifier: string | null;
  reportingOrgRef: string | null;
  defaultCurrency: string | null;
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
  sectors: { code: string; vocabulary: string | null }[];
  budgets: IatiBudgetInput[];
}

export interface IatiBudgetInput {
  /** '1' Original (also when absent), '2' Revised. */
  type: string;
  periodStart: string | null;
  periodEnd: string | null;
  amount: string | null;
  currency: string | null;
  valueDate: string | null;
  /** ledger:reason, written by our own export. */
  reason: string | null;
}

/** A label for messages: the identifier, or the activity's position in the file. */
export const activityLabel = (activity: Pick<IatiActivityInput, 'iatiIdentifier' | 'index'>): string =>
  activity.iatiIdentifier ?? `iati-activity #${activity.index}`;
