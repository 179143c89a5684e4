/**
 * Value types of the Project aggregate. Plain data: no classes, no framework.
 */

/** Region of the organisation's internal regional structure ("IDF region"). Closed list (policy). */
export const REGIONS = [
  'Africa',
  'Asia and Oceania',
  'Europe',
  'Latin America and the Caribbean',
  'Middle East and North Africa',
  'Global',
] as const;
export type Region = (typeof REGIONS)[number];

/**
 * Coverage: how many member states a project serves. national = exactly one benefiting member state;
 * regional and multi-national = at least two; global = any number.
 */
export const COVERAGES = ['national', 'regional', 'multi-national', 'global'] as const;
export type Coverage = (typeof COVERAGES)[number];

export const PROJECT_STATUSES = ['planned', 'active', 'suspended', 'completed', 'cancelled'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** Why a budget changed (policy: closed list). */
export const BUDGET_REASONS = [
  'scope-change',
  'cost-variance',
  'exchange-rate',
  'additional-funding',
  'underspend',
  'extension',
  'correction',
] as const;
export type BudgetReason = (typeof BUDGET_REASONS)[number];

/** A date known only to the year, month or day: `2014`, `2014-03` or `2014-03-01`. */
export type PartialDate = string;

/** An exact amount of money. `amount` is a decimal string ("200000.00"), never a float. ISO 4217 currency. */
export interface Money {
  amount: string;
  currency: string;
}
