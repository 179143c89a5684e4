import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * Each peer's packages live in an npm tree of their own (bench-peers/<peer>, installed with
 * `npm ci --prefix bench-peers/<peer>`), not in the project's: Emmett declares peers the project's pins do not
 * satisfy, and its SQLite and PostgreSQL stores want different exact versions of Emmett itself
 * (docs/performance.md, "Peers"). BENCH_PEERS_DIR points elsewhere.
 */
export const PEERS_DIR = process.env.BENCH_PEERS_DIR ?? join(process.cwd(), 'bench-peers');

export type PeerTree = 'emmett-postgresql' | 'emmett-sqlite';

/** Why the project itself cannot install each peer (checked with `npm install -D --save-exact`, npm 11, Node 20). */
export const PEER_CONFLICT: Record<PeerTree, string> = {
  'emmett-postgresql':
    'not a project dependency: @event-driven-io/emmett 0.42.0 (exact peer of emmett-postgresql 0.42.0), pongo 0.16.11 and dumbo 0.12.7 want peer uuid ^10.0.0, the project pins uuid 11.1.1, so npm install fails with ERESOLVE unless --legacy-peer-deps or --force',
  'emmett-sqlite':
    'not a project dependency: emmett-sqlite 0.42.4 (latest) wants exact peer @event-driven-io/emmett 0.42.4, which the registry does not have (npm: notarget); 0.38.5 wants emmett 0.38.5, whose peer uuid ^10.0.0 conflicts with the project pin uuid 11.1.1 (ERESOLVE), and sqlite3 ^5.1.7 (a second native SQLite binding beside better-sqlite3)',
};

/** Why a package cannot be loaded from a peer's tree, or null when it can (resolved, not loaded). */
export function peerMissing(tree: PeerTree, name: string): string | null {
  const dir = join(PEERS_DIR, tree);
  try {
    createRequire(join(dir, 'package.json')).resolve(name);
    return null;
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return `${name} could not be loaded from ${dir} (${why}); \`npm ci --prefix bench-peers/${tree}\` installs it. It is ${PEER_CONFLICT[tree]}`;
  }
}

/** Loads a package from a peer's tree, or says why it is not there (the bench row then reads "not measured"). */
export function loadPeer<T>(tree: PeerTree, name: string): { module: T } | { missing: string } {
  const missing = peerMissing(tree, name);
  if (missing) return { missing };
  return { module: createRequire(join(PEERS_DIR, tree, 'package.json'))(name) as T };
}

/** The installed version of a package in a peer's tree (its package.json is not among its exports). */
export function peerVersion(tree: PeerTree, name: string): string {
  try {
    const file = join(PEERS_DIR, tree, 'node_modules', name, 'package.json');
    return String(JSON.parse(readFileSync(file, 'utf8')).version);
  } catch {
    return '?';
  }
}

/** An event as Emmett's appendToStream takes it. */
export interface EmmettEvent {
  type: string;
  data: Record<string, unknown>;
  metadata?: Record<string, unknown>;
}

/** The part of Emmett's event store API the benchmark calls. */
export interface EmmettEventStore {
  appendToStream(
    streamName: string,
    events: EmmettEvent[],
    options?: { expectedStreamVersion?: unknown },
  ): Promise<unknown>;
  close?(): Promise<void>;
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

export interface EmmettSqliteModule {
  getSQLiteEventStore(options: { fileName: string }): EmmettEventStore;
}
