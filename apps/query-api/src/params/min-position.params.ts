import {
  MONEY_STATS_DIMENSIONS,
  STATS_DIMENSIONS,
  type MoneyStatsDimension,
  type StatsDimension,
} from '@ledger/read-model';
import { ParamReader } from './query-problem';

/** Routes whose only query parameter is minPosition. */
export function parseMinPositionOnly(raw: Record<string, unknown>): { minPosition?: number } {
  const p = new ParamReader(raw, ['minPosition']);
  const minPosition = p.integer('minPosition', 0, Number.MAX_SAFE_INTEGER);
  p.done();
  return { minPosition };
}

export function parseStatsParams(raw: Record<string, unknown>): {
  groupBy: StatsDimension;
  minPosition?: number;
} {
  const p = new ParamReader(raw, ['groupBy', 'minPosition']);
  const groupBy = p.oneOf('groupBy', STATS_DIMENSIONS);
  if (raw.groupBy === undefined)
    p.fail('groupBy', 'REQUIRED', `groupBy is required: one of ${STATS_DIMENSIONS.join(', ')}.`);
  const minPosition = p.integer('minPosition', 0, Number.MAX_SAFE_INTEGER);
  p.done();
  return { groupBy: groupBy as StatsDimension, minPosition };
}

/** `GET /stats/finances`: groupBy region | funder (required), minPosition. */
export function parseMoneyStatsParams(raw: Record<string, unknown>): {
  groupBy: MoneyStatsDimension;
  minPosition?: number;
} {
  const p = new ParamReader(raw, ['groupBy', 'minPosition']);
  const groupBy = p.oneOf('groupBy', MONEY_STATS_DIMENSIONS);
  if (raw.groupBy === undefined)
    p.fail('groupBy', 'REQUIRED', `groupBy is required: one of ${MONEY_STATS_DIMENSIONS.join(', ')}.`);
  const minPosition = p.integer('minPosition', 0, Number.MAX_SAFE_INTEGER);
  p.done();
  return { groupBy: groupBy as MoneyStatsDimension, minPosition };
}
