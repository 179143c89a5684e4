import { z } from 'zod';
import {
  SecurityConfig,
  securityConfigFrom,
  securityConfigProblems,
  securityEnvSchema,
} from '../security/security.config';
import { ESDB_CONNECTION_STRING_EXPECTED, isEsdbConnectionString } from '@ledger/event-store/eventstoredb';
import { PG_SCHEMA_NAME } from '@ledger/event-store/postgres';

export const APP_CONFIG = Symbol('APP_CONFIG');

const pgSchema = (fallback: string) =>
  z.string().regex(PG_SCHEMA_NAME, 'a lower-case PostgreSQL schema name').default(fallback);
const port = z.coerce.number().int().min(0).max(65535);
const url = (protocols: string[]) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    `a URL starting with ${protocols.map((p) => p + '//').join(' or ')}`,
  );

/**
 * Every setting the apps read from the environment, with its default. Parsing fails fast with a message
 * naming the variable, so a typo never starts a half-configured process.
 */
export const appConfigSchema = z.object({
  PORT: port.default(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  EVENT_STORE: z.enum(['sqlite', 'eventstoredb', 'postgres']).default('sqlite'),
  // EVENT_STORE=postgres: the log's database (DATABASE_URL when unset) and schema.
  EVENT_STORE_DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
  EVENT_STORE_SCHEMA: pgSchema('event_store'),
  // One active projector / relay / audit checkpointer per role when EVENT_STORE=postgres (docs/deployment.md).
  LEASE_TTL_MS: z.coerce.number().int().min(300).max(600_000).default(5000),
  LEASE_SCHEMA: pgSchema('ledger_leases'),
  READ_MODEL: z.enum(['sqlite', 'postgres']).default('sqlite'),
  DATABASE_URL: url(['postgres:', 'postgresql:']).default('postgres://postgres@127.0.0.1:5432/test'),
  AMQP_URL: url(['amqp:', 'amqps:']).default('amqp://guest:guest@127.0.0.1:5672'),
  EVENTSTORE_CONNECTION_STRING: z
    .string()
    .refine(isEsdbConnectionString, ESDB_CONNECTION_STRING_EXPECTED)
    .optional(),
  RELAY_EXCHANGE: z.string().min(1).default('projects.events'),
  COMMAND_QUEUE: z.string().min(1).default('projects.commands'),
  AMQP_COMMAND_ACTOR: z.string().min(1).default('amqp:projects.commands'),
  API_KEYS: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RELAY_ENABLED: z.enum(['true', 'false']).default('true'),
  PROJECTOR_ENABLED: z.enum(['true', 'false']).default('true'),
  AMQP_COMMANDS_ENABLED: z.enum(['true', 'false']).default('true'),
  READ_MODEL_SCHEMA: pgSchema('read_model'),
  // /health/ready reports the projector or relay down when it is more than this many events behind.
  HEALTH_MAX_LAG: z.coerce.number().int().min(0).default(10_000),
  // IATI organisation identifier of the publisher (OECD DAC code 47066: the International Organization for Migration).
  IATI_REPORTING_ORG: z
    .string()
    .regex(/^[A-Za-z0-9]+(-[A-Za-z0-9.]+)+$/, 'an IATI organisation identifier such as XM-DAC-47066')
    .default('XM-DAC-47066'),
  IATI_REPORTING_ORG_NAME: z.string().trim().min(1).default('International Organization for Migration'),
  // Signed audit checkpoint after this many events (0: only on demand); key: PKCS#8 PEM or base64 DER Ed25519.
  AUDIT_CHECKPOINT_EVERY: z.coerce.number().int().min(0).max(100_000_000).default(1000),
  AUDIT_SIGNING_KEY: z.string().optional(),
  // SIGINT/SIGTERM: the whole graceful stop (refuse, finish in flight, drain followers, close) within this.
  STOP_TIMEOUT_MS: z.coerce.number().int().min(500).max(600_000).default(10_000),
  // The built web console (`npm run build` writes dist/console); unset: found beside the compiled code.
  CONSOLE_DIR: z.string().optional(),
  ...securityEnvSchema,
});

export interface AppConfig extends SecurityConfig {
  port: number;
  dataDir: string;
  eventStore: 'sqlite' | 'eventstoredb' | 'postgres';
  /** EVENT_STORE=postgres: database of the log (EVENT_STORE_DATABASE_URL, else DATABASE_URL) and its schema. */
  eventStoreDatabaseUrl: string;
  eventStoreSchema: string;
  /** A leader that has not renewed its lease for this long is replaced (EVENT_STORE=postgres). */
  leaseTtlMs: number;
  leaseSchema: string;
  readModel: 'sqlite' | 'postgres';
  databaseUrl: string;
  amqpUrl: string;
  eventStoreConnectionString?: string;
  relayExchange: string;
  commandQueue: string;
  amqpCommandActor: string;
  /** Raw `role:key,role:key` list; undefined means "generate keys into the data dir on first start". */
  apiKeys?: string;
  logLevel: string;
  relayEnabled: boolean;
  projectorEnabled: boolean;
  /** Consume commands from COMMAND_QUEUE inside the standalone process. */
  amqpCommandsEnabled: boolean;
  /** PostgreSQL schema of the live read model (READ_MODEL=postgres). */
  readModelSchema: string;
  /** Readiness fails when the projector or relay is more than this many events behind the log. */
  healthMaxLag: number;
  /** reporting-org/@ref of IATI exports and the prefix of every iati-identifier (docs/iati.md). */
  iatiReportingOrg: string;
  iatiReportingOrgName: string;
  /** Events between two signed audit checkpoints; 0 writes checkpoints only on demand (docs/audit.md). */
  auditCheckpointEvery: number;
  /** Ed25519 private key (PKCS#8 PEM or base64 DER); unset: generated once into <dataDir>/audit-signing-key.pem. */
  auditSigningKey?: string;
  /** Upper bound of a graceful stop, from the signal to the exit (docs/reliability.md). */
  stopTimeoutMs: number;
  /** Folder of the built web console served at /console; unset: dist/console of this checkout. */
  consoleDir?: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment. Throws ConfigError naming each bad variable and what it expects. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const input = Object.fromEntries(
    Object.keys(appConfigSchema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const parsed = appConfigSchema.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (issue) =>
          `${issue.path.join('.')}: ${issue.message} (got ${JSON.stringify(input[String(issue.path[0])])})`,
      ),
    );
  }
  const c = parsed.data;
  const securityProblems = securityConfigProblems(c);
  if (securityProblems.length > 0) throw new ConfigError(securityProblems);
  if (c.EVENT_STORE === 'eventstoredb' && !c.EVENTSTORE_CONNECTION_STRING) {
    throw new ConfigError([
      'EVENTSTORE_CONNECTION_STRING: required when EVENT_STORE=eventstoredb (e.g. esdb://localhost:2113?tls=false)',
    ]);
  }
  return {
    port: c.PORT,
    dataDir: c.DATA_DIR,
    eventStore: c.EVENT_STORE,
    eventStoreDatabaseUrl: c.EVENT_STORE_DATABASE_URL ?? c.DATABASE_URL,
    eventStoreSchema: c.EVENT_STORE_SCHEMA,
    leaseTtlMs: c.LEASE_TTL_MS,
    leaseSchema: c.LEASE_SCHEMA,
    readModel: c.READ_MODEL,
    databaseUrl: c.DATABASE_URL,
    amqpUrl: c.AMQP_URL,
    eventStoreConnectionString: c.EVENTSTORE_CONNECTION_STRING,
    relayExchange: c.RELAY_EXCHANGE,
    commandQueue: c.COMMAND_QUEUE,
    amqpCommandActor: c.AMQP_COMMAND_ACTOR,
    apiKeys: c.API_KEYS,
    logLevel: c.LOG_LEVEL,
    relayEnabled: c.RELAY_ENABLED === 'true',
    projectorEnabled: c.PROJECTOR_ENABLED === 'true',
    amqpCommandsEnabled: c.AMQP_COMMANDS_ENABLED === 'true',
    readModelSchema: c.READ_MODEL_SCHEMA,
    healthMaxLag: c.HEALTH_MAX_LAG,
    iatiReportingOrg: c.IATI_REPORTING_ORG,
    iatiReportingOrgName: c.IATI_REPORTING_ORG_NAME,
    auditCheckpointEvery: c.AUDIT_CHECKPOINT_EVERY,
    auditSigningKey: c.AUDIT_SIGNING_KEY,
    stopTimeoutMs: c.STOP_TIMEOUT_MS,
    consoleDir: c.CONSOLE_DIR,
    ...securityConfigFrom(c),
  };
}
