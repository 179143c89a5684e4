import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GOLDEN_LOG_DIR, readGoldenLog } from '@ledger/audit/testing/golden-log';
import { toEventMessage, validateIntegrationEvent } from '@ledger/contracts';
import { InMemoryEventStore } from '@ledger/event-store';
import { RegionDirectory } from './region.directory';

/**
 * What the relay publishes for the golden event log must stay what the version that wrote the log
 * published: routing key, body bytes and message properties, event by event.
 */
describe('relaying the golden event log (v1)', () => {
  const golden = readGoldenLog();
  const expected = readFileSync(join(GOLDEN_LOG_DIR, 'expected/relay.ndjson'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { position: number; body: string });

  it('maps every project event to the same message, byte for byte', async () => {
    const regions = new RegionDirectory(new InMemoryEventStore());
    const messages = [];
    for (const event of golden.projectEvents) {
      const message = toEventMessage(event, { regionSlug: await regions.slugFor(event) });
      messages.push({
        position: event.position,
        routingKey: message.routingKey,
        body: message.body.toString('utf8'),
        properties: message.properties,
      });
    }
    expect(messages).toEqual(expected);
    expect(messages.map((m) => m.body)).toEqual(expected.map((m) => m.body));
  });

  it('publishes only envelopes that validate against the generated contract schemas', () => {
    for (const { body } of expected)
      expect(validateIntegrationEvent(JSON.parse(body))).toMatchObject({ ok: true });
  });
});
