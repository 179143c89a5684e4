import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import { ASYNCAPI_DOCUMENT_PATH, renderAsyncApiYaml } from './asyncapi.document';
import { INTEGRATION_EVENT_TYPES } from '../schemas/project-events.schemas';

const committed = readFileSync(join(__dirname, '../../../..', ASYNCAPI_DOCUMENT_PATH), 'utf8');

describe('AsyncAPI document', () => {
  it('is exactly what the contracts generate (regenerate with `npm run relay -- asyncapi`)', () => {
    expect(committed).toBe(renderAsyncApiYaml());
  });

  it('parses as valid AsyncAPI 3 without errors', async () => {
    const { document, diagnostics } = await new Parser().parse(committed);
    const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
    expect(errors.map((d) => `${d.path.join('.')}: ${d.message}`)).toEqual([]);
    expect(document?.version()).toBe('3.0.0');
  });

  it('documents one message per integration event type, on the durable topic exchange', async () => {
    const { document } = await new Parser().parse(committed);
    const names = document!
      .messages()
      .all()
      .map((m) => m.name());
    expect(names.sort()).toEqual([...INTEGRATION_EVENT_TYPES].sort());
    for (const channel of document!.channels().all()) {
      expect(channel.address()).toMatch(/^project\.[a-z-]+\.\{region\}$/);
      expect(channel.bindings().get('amqp')?.value()).toMatchObject({
        is: 'routingKey',
        exchange: { name: 'projects.events', type: 'topic', durable: true },
      });
    }
  });
});
