import { ConfigError, loadConfig } from './app-config';
import { isEsdbConnectionString } from '@ledger/event-store/eventstoredb';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('loadConfig', () => {
  it('runs on the embedded defaults with an empty environment', () => {
    expect(loadConfig({})).toMatchObject({
      port: 3000,
      eventStore: 'sqlite',
      readModel: 'sqlite',
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/test',
      amqpUrl: 'amqp://guest:guest@127.0.0.1:5672',
      eventStoreConnectionString: undefined,
    });
  });

  it('reads the distributed setup docker-compose uses', () => {
    const config = loadConfig({
      EVENT_STORE: 'eventstoredb',
      EVENTSTORE_CONNECTION_STRING: 'esdb://eventstore:2113?tls=false',
      READ_MODEL: 'postgres',
      DATABASE_URL: 'postgres://ledger:ledger@postgres:5432/ledger',
      AMQP_URL: 'amqp://ledger:ledger@rabbitmq:5672',
      PORT: '8080',
    });
    expect(config).toMatchObject({
      eventStore: 'eventstoredb',
      eventStoreConnectionString: 'esdb://eventstore:2113?tls=false',
      readModel: 'postgres',
      databaseUrl: 'postgres://ledger:ledger@postgres:5432/ledger',
      amqpUrl: 'amqp://ledger:ledger@rabbitmq:5672',
      port: 8080,
    });
  });

  it('reads EVENT_STORE=postgres with the log in DATABASE_URL unless EVENT_STORE_DATABASE_URL is set', () => {
    expect(
      loadConfig({ EVENT_STORE: 'postgres', DATABASE_URL: 'postgres://rm@db:5432/ledger' }),
    ).toMatchObject({
      eventStore: 'postgres',
      eventStoreDatabaseUrl: 'postgres://rm@db:5432/ledger',
      eventStoreSchema: 'event_store',
    });
    expect(
      loadConfig({
        EVENT_STORE: 'postgres',
        EVENT_STORE_DATABASE_URL: 'postgresql://log@logdb:5432/ledger',
        EVENT_STORE_SCHEMA: 'ledger_log',
      }),
    ).toMatchObject({
      eventStoreDatabaseUrl: 'postgresql://log@logdb:5432/ledger',
      eventStoreSchema: 'ledger_log',
    });
    expect(problemsOf({ EVENT_STORE_DATABASE_URL: 'mysql://db/x', EVENT_STORE_SCHEMA: 'Bad-Name' })).toEqual([
      expect.stringMatching(/^EVENT_STORE_DATABASE_URL: a URL starting with postgres:\/\//),
      expect.stringMatching(/^EVENT_STORE_SCHEMA: a lower-case PostgreSQL schema name/),
    ]);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ EVENT_STORE: '', READ_MODEL: '' })).toMatchObject({
      eventStore: 'sqlite',
      readModel: 'sqlite',
    });
  });

  it('refuses EVENT_STORE=eventstoredb without a connection string, naming the variable', () => {
    expect(problemsOf({ EVENT_STORE: 'eventstoredb' })).toEqual([
      expect.stringMatching(/^EVENTSTORE_CONNECTION_STRING: required when EVENT_STORE=eventstoredb/),
    ]);
  });

  it.each([
    ['EVENT_STORE', 'mongodb', /^EVENT_STORE: .*"sqlite".*"eventstoredb".*\(got "mongodb"\)/],
    ['READ_MODEL', 'mysql', /^READ_MODEL: .*"sqlite".*"postgres".*\(got "mysql"\)/],
    [
      'DATABASE_URL',
      'mysql://db:3306/ledger',
      /^DATABASE_URL: a URL starting with postgres:\/\/ or postgresql:\/\//,
    ],
    ['DATABASE_URL', 'not a url', /^DATABASE_URL: a URL starting with postgres:\/\//],
    ['AMQP_URL', 'http://rabbitmq:15672', /^AMQP_URL: a URL starting with amqp:\/\/ or amqps:\/\//],
    [
      'EVENTSTORE_CONNECTION_STRING',
      'http://localhost:2113',
      /^EVENTSTORE_CONNECTION_STRING: an EventStoreDB connection string such as esdb:\/\//,
    ],
    ['PORT', '70000', /^PORT: .*65535/],
    ['PORT', 'http', /^PORT: /],
  ])('stops start-up on a bad %s (%s), saying what it expects', (name, value, message) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('reports every bad variable at once', () => {
    const problems = problemsOf({ EVENT_STORE: 'kafka', AMQP_URL: 'tcp://x' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['AMQP_URL', 'EVENT_STORE']);
  });

  it('says how to fix it in the thrown message', () => {
    expect(() => loadConfig({ READ_MODEL: 'oracle' })).toThrow(/Invalid configuration:\n {2}- READ_MODEL: /);
  });
});

describe('EventStoreDB connection strings', () => {
  it.each([
    'esdb://localhost:2113?tls=false',
    'esdb://eventstore:2113',
    'esdb://admin:changeit@node1.example.org:2113,node2.example.org:2113,node3.example.org:2113?tls=true&nodePreference=leader',
    'esdb+discover://cluster.example.org:2113?tls=true',
    'esdb://localhost:2113/?tls=false',
  ])('accepts %s', (value) => {
    expect(isEsdbConnectionString(value)).toBe(true);
  });

  it.each([
    'localhost:2113',
    'esdb://',
    'esdb://host:0',
    'esdb://host:99999',
    'esdb://node1:2113,,node3:2113',
    'esdb://bad host:2113',
    'esdb://localhost:2113?tls',
    'https://localhost:2113',
    'esdb://[::1]:2113?tls=false', // the 6.x client cannot parse IPv6 literals
  ])('rejects %s', (value) => {
    expect(isEsdbConnectionString(value)).toBe(false);
  });

  it('accepts a 3-node cluster string in the environment (new URL() would refuse it)', () => {
    const value = 'esdb://node1:2113,node2:2113,node3:2113?tls=true';
    expect(
      loadConfig({ EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: value })
        .eventStoreConnectionString,
    ).toBe(value);
  });
});
