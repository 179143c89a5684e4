import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * The peers' packages live in their own npm tree (bench-peers/, installed with `npm ci --prefix bench-peers`),
 * not in the project's: Emmett declares peers the project's pins do not satisfy (docs/performance.md, "Peers").
 * BENCH_PEERS_DIR points elsewhere.
 */
export const PEERS_DIR = process.env.BENCH_PEERS_DIR ?? join(process.cwd(), 'bench-peers');

/** Why the project itself cannot install Emmett (checked with `npm install -D --save-exact`, npm 11, Node 20). */
export const PEER_CONFLICT =
  '@event-driven-io/emmett 0.42.0 (a peer of emmett-postgresql 0.42.0) and @event-driven-io/pongo 0.16.11 / dumbo 0.12.7 want peer uuid ^10.0.0, the project pins uuid 11.1.1: npm install fails with ERESOLVE unless --legacy-peer-deps or --force';

/** Loads a package from the peers' tree, or says why it is not there (the bench row then reads "not measured"). */
export function loadPeer<T>(name: string): { module: T } | { missing: string } {
  const peerRequire = createRequire(join(PEERS_DIR, 'package.json'));
  try {
    return { module: peerRequire(name) as T };
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return {
      missing: `${name} is not installed in ${PEERS_DIR} (${why}); run \`npm ci --prefix bench-peers\` to measure it. It is not a project dependency: ${PEER_CONFLICT}`,
    };
  }
}

/** The installed version of a package in the peers' tree (its package.json is not among its exports). */
export function peerVersion(name: string): string {
  try {
    const manifest = JSON.parse(readFileSync(join(PEERS_DIR, 'node_modules', name, 'package.json'), 'utf8'));
    return String(manifest.version);
  } catch {
    return '?';
  }
}

/** The part of Emmett's event store API the benchmark calls (getPostgreSQLEventStore's result). */
export interface EmmettEventStore {
  appendToStream(
    streamName: string,
    events: { type: string; data: Record<string, unknown>; metadata?: Record<string, unknown> }[],
    options?: { expectedStreamVersion?: unknown },
  ): Promise<unknown>;
  close(): Promise<void>;
}

export interface EmmettModule {
  STREAM_DOES_NOT_EXIST: unknown;
}

export interface EmmettPostgresModule {
  getPostgreSQLEventStore(
    connectionString: string,
    options?: { connectionOptions?: { pool: unknown } },
  ): EmmettEventStore;
}
