import { appConfigSchema, loadConfig } from '../../libs/platform/src/config/app-config';
import { appServices, ComposeService, interpolateDefaults, loadCompose } from './compose.loader';

/** docker-compose.yml checked by parsing it: no Docker engine exists on the build machine. */
const compose = loadCompose();
const apps = appServices(compose);
const environmentOf = (service: ComposeService) =>
  Object.fromEntries(
    Object.entries(service.environment ?? {}).map(([k, v]) => [k, interpolateDefaults(String(v))]),
  );
const dependencies = (service: ComposeService) =>
  Array.isArray(service.depends_on)
    ? Object.fromEntries(service.depends_on.map((d) => [d, { condition: 'service_started' }]))
    : (service.depends_on ?? {});

/** What each app works with; its container may start only once these are healthy. */
const TALKS_TO: Record<string, string[]> = {
  'command-api': ['eventstore', 'postgres', 'rabbitmq'],
  'query-api': ['eventstore', 'postgres'],
  projector: ['eventstore', 'postgres'],
  relay: ['eventstore', 'rabbitmq'],
  'example-consumer': ['rabbitmq'],
};
const PORTS: Record<string, number> = { eventstore: 2113, postgres: 5432, rabbitmq: 5672 };
const HTTP_APPS = ['command-api', 'query-api'];

describe('docker-compose.yml', () => {
  it('runs the event store, the broker, the database and one container per app', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      [
        'command-api',
        'eventstore',
        'example-consumer',
        'postgres',
        'projector',
        'query-api',
        'rabbitmq',
        'relay',
      ].sort(),
    );
  });

  it('pins every third-party image to an exact release, never a floating tag', () => {
    // PostgreSQL numbers releases major.minor; the others major.minor.patch.
    const exact: Record<string, RegExp> = {
      eventstore: /^eventstore\/eventstore:\d+\.\d+\.\d+-[a-z-]+$/,
      rabbitmq: /^rabbitmq:\d+\.\d+\.\d+-management(-alpine)?$/,
      postgres: /^postgres:\d+\.\d+(-alpine)?$/,
    };
    for (const [name, pattern] of Object.entries(exact)) {
      expect(compose.services[name].image).toMatch(pattern);
    }
  });

  it('builds every app from the one Dockerfile, choosing the app with the APP build argument', () => {
    for (const [name, service] of apps) {
      expect(service.build).toMatchObject({ context: '.', dockerfile: 'Dockerfile', args: { APP: name } });
    }
  });

  it('gives every service a health check', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      expect({ name, test: service.healthcheck?.test }).toEqual({ name, test: expect.anything() });
    }
  });

  it('probes the HTTP apps on their liveness endpoint and port', () => {
    for (const name of HTTP_APPS) {
      const service = compose.services[name];
      const probe = JSON.stringify(service.healthcheck?.test);
      expect({
        name,
        probe: probe.includes(`http://127.0.0.1:${environmentOf(service).PORT}/health/live`),
      }).toEqual({ name, probe: true });
    }
  });

  it('probes each worker by reaching every service it works with', () => {
    for (const [name, service] of apps.filter(([n]) => !HTTP_APPS.includes(n))) {
      const probe = JSON.stringify(service.healthcheck?.test);
      const targets = [...probe.matchAll(/\[\\?'([a-z-]+)\\?',(\d+)\]/g)]
        .map(([, host, port]) => `${host}:${port}`)
        .sort();
      expect({ name, targets }).toEqual({
        name,
        targets: TALKS_TO[name].map((dep) => `${dep}:${PORTS[dep]}`).sort(),
      });
    }
  });

  it('starts each app only after the services it talks to are healthy', () => {
    const talksTo = TALKS_TO;
    for (const [name, service] of apps) {
      const conditions = Object.fromEntries(
        Object.entries(dependencies(service)).map(([dep, { condition }]) => [dep, condition]),
      );
      expect({ name, conditions }).toEqual({
        name,
        conditions: Object.fromEntries(talksTo[name].map((dep) => [dep, 'service_healthy'])),
      });
      for (const dep of talksTo[name]) expect(compose.services[dep].healthcheck).toBeDefined();
    }
  });

  it('points the apps at the compose services by name', () => {
    for (const [, service] of apps) {
      const env = environmentOf(service);
      const hosts = [
        env.EVENTSTORE_CONNECTION_STRING.replace(/^esdb:/, 'http:'),
        env.DATABASE_URL,
        env.AMQP_URL,
      ].map((url) => new URL(url).hostname);
      expect(hosts).toEqual(['eventstore', 'postgres', 'rabbitmq']);
    }
  });

  it('uses only variables the configuration schema knows, with values it accepts', () => {
    const known = new Set(Object.keys(appConfigSchema.shape));
    for (const [name, service] of apps) {
      const env = environmentOf(service);
      expect({ name, unknown: Object.keys(env).filter((key) => !known.has(key)) }).toEqual({
        name,
        unknown: [],
      });
      expect(() => loadConfig(env)).not.toThrow();
    }
  });

  it('runs the apps on EventStoreDB and PostgreSQL, not the embedded defaults', () => {
    for (const [, service] of apps) {
      expect(loadConfig(environmentOf(service))).toMatchObject({
        eventStore: 'eventstoredb',
        readModel: 'postgres',
      });
    }
  });

  it('gives the apps the credentials the database and broker containers are created with', () => {
    const pg = compose.services.postgres.environment ?? {};
    const mq = compose.services.rabbitmq.environment ?? {};
    for (const [, service] of apps) {
      const env = environmentOf(service);
      const db = new URL(env.DATABASE_URL);
      expect([db.username, db.password, db.pathname.slice(1)]).toEqual([
        pg.POSTGRES_USER,
        pg.POSTGRES_PASSWORD,
        pg.POSTGRES_DB,
      ]);
      const amqp = new URL(env.AMQP_URL);
      expect([amqp.username, amqp.password]).toEqual([mq.RABBITMQ_DEFAULT_USER, mq.RABBITMQ_DEFAULT_PASS]);
    }
  });

  it('runs the projector and the relay in exactly one place each (single writers)', () => {
    const running = (flag: 'projectorEnabled' | 'relayEnabled') =>
      apps.filter(([, service]) => loadConfig(environmentOf(service))[flag]).map(([name]) => name);
    expect(running('projectorEnabled')).toEqual(['projector']);
    expect(running('relayEnabled')).toEqual(['relay']);
  });

  it('declares every named volume it mounts', () => {
    const mounted = Object.values(compose.services)
      .flatMap((service) => service.volumes ?? [])
      .map((volume) => volume.split(':')[0])
      .filter((source) => !source.startsWith('.') && !source.startsWith('/'));
    expect(mounted.filter((name) => !(name in (compose.volumes ?? {})))).toEqual([]);
  });

  it('runs the local event store insecure and single-node, as its connection string expects', () => {
    const es = compose.services.eventstore.environment ?? {};
    expect(es).toMatchObject({ EVENTSTORE_INSECURE: 'true', EVENTSTORE_CLUSTER_SIZE: '1' });
    for (const [, service] of apps) {
      expect(environmentOf(service).EVENTSTORE_CONNECTION_STRING).toBe('esdb://eventstore:2113?tls=false');
    }
  });
});
