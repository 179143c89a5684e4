import fc from 'fast-check';
import { TEST_KEYS } from '../../support/test-keys';
import { mongoliaProject } from '../../support/mongolia';
import { concretePath, type MountedRoute } from '../../security/support/routes';

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** A valid-looking body per command route: the fuzzer mutates these so deep validation paths are reached. */
const BASE_BODIES: Record<string, Record<string, unknown>> = {
  '/projects': { ...mongoliaProject, projectId: 'FZ.0001' },
  start: { actualStart: '2014' },
  complete: { actualEnd: '2016' },
  suspend: { reason: 'security situation' },
  resume: { reason: null },
  cancel: { reason: 'funding withdrawn' },
  extend: { plannedEnd: '2019', reason: 'delays' },
  'budget-revisions': {
    amount: '250000.00',
    currency: 'USD',
    reason: 'additional-funding',
    effectiveDate: '2015-01-01',
    note: null,
  },
};
const FIELD_NAMES = [
  ...new Set(Object.values(BASE_BODIES).flatMap(Object.keys)),
  '__proto__',
  'constructor',
  'prototype',
  'extra',
  '',
];

const printable = (maxLength: number) =>
  fc.string({ unit: 'binary-ascii', maxLength }).map((s) => s.replace(/[^\x20-\x7e]/g, ''));
const weirdText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
);
const fieldValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  weirdText,
  fc.constantFrom(
    '',
    ' ',
    '2014',
    '2014-13',
    '2014-02-30',
    '9999',
    '-1.00',
    '0.00',
    '1e6',
    '200000.001',
    'NaN',
    'USD',
    'XXX',
    'national',
    ['MN'],
    ['MN', 'MN'],
    [],
  ),
);

const bodyFor = (route: MountedRoute): fc.Arbitrary<string | undefined> => {
  const base =
    BASE_BODIES[route.path === '/projects' ? '/projects' : (route.path.split('/').at(-1) ?? '')] ?? {};
  const mutated = fc
    .tuple(
      fc.subarray(Object.keys(base), { maxLength: Math.min(2, Object.keys(base).length) }),
      fc.dictionary(fc.constantFrom(...FIELD_NAMES), fieldValue, { maxKeys: 2 }),
      fuzzProjectId,
    )
    .map(([dropped, overrides, projectId]) => {
      const body: Record<string, unknown> = { ...base };
      if ('projectId' in body) body.projectId = projectId;
      for (const key of dropped) delete body[key];
      for (const [key, value] of Object.entries(overrides))
        Object.defineProperty(body, key, { value, enumerable: true, writable: true, configurable: true });
      return JSON.stringify(body);
    });
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(JSON.stringify(base)) },
    { weight: 6, arbitrary: mutated },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: weirdText },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '{',
        '{"a":}',
        'null',
        '[]',
        '""',
        '{"amount": 1e999}',
        '\u0000',
        '{"__proto__":{"isAdmin":true}}',
      ),
    },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 100, max: 20_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
    },
    { weight: 1, arbitrary: fc.constant(JSON.stringify({ ...base, note: 'x'.repeat(70 * 1024) })) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
};

/** A handful of ids, so creates and later commands meet the same projects. */
const fuzzProjectId = fc.integer({ min: 1, max: 12 }).map((n) => `FZ.${String(n).padStart(4, '0')}`);

const pathId = fc.oneof(
  { weight: 6, arbitrary: fc.oneof(fc.constant('TC.0789'), fuzzProjectId) },
  {
    weight: 2,
    arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }).map(encodeURIComponent),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '..%2F..%2Fetc%2Fpasswd',
      '%00',
      '%E0%A4%A',
      '%',
      'a'.repeat(300),
      '__proto__',
      'constructor',
      '%2e%2e',
    ),
  },
);

const authorization = fc.constantFrom(
  ...Object.values(TEST_KEYS).map((key) => `Bearer ${key}`),
  ...Array(6).fill(`Bearer ${TEST_KEYS.publisher}`),
  ...Array(3).fill(`Bearer ${TEST_KEYS.admin}`),
  '',
  'Bearer',
  'Bearer  ',
  'Basic cHVibGlzaGVyOnB1Ymxpc2hlcg==',
  `Bearer ${'k'.repeat(600)}`,
  'Bearer eyJhbGciOiJub25lIn0.eyJyb2xlcyI6WyJhZG1pbiJdfQ.',
  'Bearer a.b.c',
);

const optionalHeader = (name: string, values: fc.Arbitrary<string>) =>
  fc.option(
    values.map((value) => [name, value] as const),
    { nil: undefined },
  );

/** One request against one of the app's real routes (or a neighbouring method/path), with fuzzed parts. */
export function fuzzRequest(routes: MountedRoute[]): fc.Arbitrary<FuzzRequest> {
  // Commands carry the riskiest input (and are the only writers): they get most of the cases.
  const weighted = routes.map((route) => ({
    weight: route.method === 'POST' ? 6 : 1,
    arbitrary: fc.constant(route),
  }));
  return fc.oneof(...weighted).chain((route) =>
    fc
      .record({
        method: fc.oneof(
          { weight: 9, arbitrary: fc.constant(route.method) },
          { weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH') },
        ),
        id: pathId,
        query: fc.option(
          fc.dictionary(
            fc.oneof(printable(12), fc.constantFrom('__proto__[x]', 'constructor[prototype][x]', 'limit')),
            printable(12),
            { maxKeys: 3 },
          ),
          { nil: undefined, freq: 8 },
        ),
        body: bodyFor(route),
        contentType: fc.oneof(
          { weight: 8, arbitrary: fc.constant('application/json') },
          {
            weight: 2,
            arbitrary: fc.constantFrom(
              'application/json; charset=utf-8',
              'application/json; charset=latin1',
              'text/plain',
              'application/x-www-form-urlencoded',
              'application/merge-patch+json',
              '',
            ),
          },
        ),
        authorization,
        extra: fc.tuple(
          optionalHeader(
            'if-match',
            fc.oneof(
              fc.constantFrom('"0"', '"1"', '"2"', '*', 'W/"1"', '"999999999999999999"', '"-1"'),
              printable(20),
            ),
          ),
          optionalHeader('idempotency-key', fc.oneof(fc.uuid(), printable(300))),
          optionalHeader('x-correlation-id', printable(200)),
        ),
      })
      .map(({ method, id, query, body, contentType, authorization, extra }) => {
        const headers: Record<string, string> = {};
        if (authorization) headers.authorization = authorization;
        for (const entry of extra) if (entry) headers[entry[0]] = entry[1];
        const withBody = method !== 'GET' && body !== undefined;
        if (withBody && contentType) headers['content-type'] = contentType;
        const search = query
          ? Object.entries(query)
              .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
              .join('&')
          : '';
        return {
          method,
          path: concretePath(route.path, id) + (search ? `?${search}` : ''),
          headers,
          body: withBody ? body : undefined,
        };
      }),
  );
}
