import autocannon from 'autocannon';
import type { LatencySummary } from './stats';

export interface LoadOptions {
  port: number;
  path: string;
  authorization: string;
  connections: number;
  durationMs: number;
  /** A fresh body per request (each request creates its own project). */
  body: (n: number) => unknown;
}

export interface LoadResult {
  /** 2xx responses per second. */
  perSecond: number;
  ok: number;
  failed: number;
  latencyMs: LatencySummary;
  statusCodes: Record<string, number>;
}

let sequence = 0;

/** Closed-loop HTTP load with autocannon: `connections` clients, each sending its next request on a reply. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url: `http://127.0.0.1:${options.port}`,
    connections: options.connections,
    duration: options.durationMs / 1000,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: options.path,
        headers: { 'content-type': 'application/json', authorization: options.authorization },
        setupRequest: (request) => ({ ...request, body: JSON.stringify(options.body(sequence++)) }),
      },
    ],
  });
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, Number(s.count)]),
  );
  return {
    perSecond: result['2xx'] / result.duration,
    ok: result['2xx'],
    failed: result.non2xx + result.errors,
    // autocannon's histogram has no p95 (it has p90 and p97.5); NaN rather than a stand-in.
    latencyMs: {
      p50: result.latency.p50,
      p95: Number.NaN,
      p99: result.latency.p99,
      max: result.latency.max,
      count: result['2xx'],
    },
    statusCodes,
  };
}

/** Closed-loop GET load; `path(n)` gives each request its own path (e.g. a random project id). */
export async function runGetLoad(options: {
  port: number;
  path: (n: number) => string;
  authorization: string;
  connections: number;
  durationMs: number;
}): Promise<LoadResult> {
  const result = await autocannon({
    url: `http://127.0.0.1:${options.port}`,
    connections: options.connections,
    duration: options.durationMs / 1000,
    timeout: 30,
    requests: [
      {
        method: 'GET',
        headers: { authorization: options.authorization },
        setupRequest: (request) => ({ ...request, path: options.path(sequence++) }),
      },
    ],
  });
  return {
    perSecond: result['2xx'] / result.duration,
    ok: result['2xx'],
    failed: result.non2xx + result.errors,
    latencyMs: {
      p50: result.latency.p50,
      p95: Number.NaN,
      p99: result.latency.p99,
      max: result.latency.max,
      count: result['2xx'],
    },
    statusCodes: {},
  };
}
