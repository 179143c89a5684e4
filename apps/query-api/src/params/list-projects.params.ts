import { countryCode, COVERAGES, PROJECT_STATUSES, REGIONS } from '@ledger/domain';
import { SORT_FIELDS, type ProjectListQuery, type ProjectSort, type SortField } from '@ledger/read-model';
import { decodeCursor } from './project-cursor';
import { ParamReader } from './query-problem';

const LIST_PARAMS = [
  'status',
  'region',
  'projectType',
  'coverage',
  'memberState',
  'fundingYear',
  'q',
  'sort',
  'limit',
  'cursor',
  'minPosition',
];
const SORTS = SORT_FIELDS.flatMap((f) => [f, `-${f}`]);
export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

export interface ListProjectsParams {
  query: ProjectListQuery;
  minPosition?: number;
}

/** Reads GET /projects parameters; throws 400 QUERY.INVALID_PARAMETER naming every bad one. */
export function parseListProjectsParams(raw: Record<string, unknown>): ListProjectsParams {
  const p = new ParamReader(raw, LIST_PARAMS);
  const memberStateInput = p.string('memberState');
  const memberState =
    memberStateInput === undefined ? undefined : (countryCode(memberStateInput) ?? undefined);
  if (memberStateInput !== undefined && memberState === undefined) {
    p.fail('memberState', 'NOT_A_COUNTRY', 'memberState must be an ISO 3166-1 code or a country name.');
  }
  const filter = {
    status: p.oneOf('status', PROJECT_STATUSES),
    region: p.oneOf('region', REGIONS),
    projectType: p.pattern('projectType', /^[A-Z0-9]{2,16}$/, '2-16 capital letters or digits'),
    coverage: p.oneOf('coverage', COVERAGES),
    memberState,
    fundingYear: p.integer('fundingYear', 1990, 2100),
    q: p.pattern('q', /^[\s\S]{1,200}$/, 'at most 200 characters'),
  };
  const sortText = p.oneOf('sort', SORTS) ?? 'title';
  const sort: ProjectSort = {
    field: sortText.replace(/^-/, '') as SortField,
    descending: sortText.startsWith('-'),
  };
  const limit = p.integer('limit', 1, MAX_LIMIT) ?? DEFAULT_LIMIT;
  const minPosition = p.integer('minPosition', 0, Number.MAX_SAFE_INTEGER);
  const cleanFilter = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
  const cursor = p.string('cursor');
  let after: ProjectListQuery['after'];
  if (cursor !== undefined && p.errors.length === 0) {
    const decoded = decodeCursor(cursor, sort, cleanFilter);
    if (decoded.ok) after = decoded.keyset;
    else p.fail('cursor', decoded.code, decoded.message);
  }
  p.done();
  return { query: { filter: cleanFilter, sort, limit, after }, minPosition };
}
