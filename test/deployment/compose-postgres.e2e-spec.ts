import { appConfigSchema, loadConfig } from '../../libs/platform/src/config/app-config';
import { appServices, ComposeService, interpolateDefaults, loadCompose } from './compose.loader';

/** docker-compose.postgres.yml (the PostgreSQL-store topology), checked by parsing: no Docker engine here. */
const compose = loadCompose('docker-compose.postgres.yml');
const apps = appServices(compose);
const environmentOf = (service: ComposeService) =>
  Object.fromEntries(
    Object.entries(service.environment ?? {}).map(([k, v]) => [k, interpolateDefaults(String(v))]),
  );
const TALKS_TO: Record<string, string[]> = {
  'command-api': ['postgres', 'rabbitmq'],
  'query-api': ['postgres'],
  projector: ['postgres'],
  relay: ['postgres', 'rabbitmq'],
};

describe('docker-compose.postgres.yml', () => {
  it('runs PostgreSQL, RabbitMQ and the four apps, with no EventStoreDB', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      ['command-api', 'postgres', 'projector', 'query-api', 'rabbitmq', 'relay'].sort(),
    );
  });

  it('runs the replicas docs/deployment.md states: 3 command APIs, 1 query API, 2 projectors, 2 relays', () => {
    const replicas = Object.fromEntries(apps.map(([name, s]) => [name, s.deploy?.replicas ?? 1]));
    expect(replicas).toEqual({ 'command-api': 3, 'query-api': 1, projector: 2, relay: 2 });
  });

  it('configures every app for the PostgreSQL event store and read model, with variables the schema knows', () => {
    const known = new Set(Object.keys(appConfigSchema.shape));
    for (const [name, service] of apps) {
      const env = environmentOf(service);
      expect({ name, unknown: Object.keys(env).filter((key) => !known.has(key)) }).toEqual({
        name,
        unknown: [],
      });
      expect(loadConfig(env)).toMatchObject({
        eventStore: 'postgres',
        readModel: 'postgres',
        eventStoreDatabaseUrl: 'postgres://ledger:ledger@postgres:5432/ledger',
      });
      // Passed through from the host: replicas refuse to start without one shared signing key.
      expect(service.environment?.AUDIT_SIGNING_KEY).toBe('${AUDIT_SIGNING_KEY:-}');
    }
  });

  it('runs the projector and relay only in their own (leased) services', () => {
    const running = (flag: 'projectorEnabled' | 'relayEnabled') =>
      apps.filter(([, service]) => loadConfig(environmentOf(service))[flag]).map(([name]) => name);
    expect(running('projectorEnabled')).toEqual(['projector']);
    expect(running('relayEnabled')).toEqual(['relay']);
  });

  it('pins images, gives every service a health check and starts apps after what they use is healthy', () => {
    expect(compose.services.postgres.image).toMatch(/^postgres:\d+\.\d+(-alpine)?$/);
    expect(compose.services.rabbitmq.image).toMatch(/^rabbitmq:\d+\.\d+\.\d+-management(-alpine)?$/);
    for (const [name, service] of Object.entries(compose.services)) {
      expect({ name, test: service.healthcheck?.test }).toEqual({ name, test: expect.anything() });
    }
    for (const [name, service] of apps) {
      const conditions = Object.fromEntries(
        Object.entries(service.depends_on ?? {}).map(([dep, { condition }]) => [dep, condition]),
      );
      expect({ name, conditions }).toEqual({
        name,
        conditions: Object.fromEntries(TALKS_TO[name].map((dep) => [dep, 'service_healthy'])),
      });
      expect(service.build).toMatchObject({ context: '.', dockerfile: 'Dockerfile', args: { APP: name } });
    }
  });
});
