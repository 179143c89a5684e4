import { REGIONS } from '@ledger/domain';
import { stringify } from 'yaml';
import {
  CLOUDEVENT_TYPE_PREFIX,
  EVENT_KINDS,
  regionSlug,
  UNKNOWN_REGION_SLUG,
  type EventKind,
} from '../event-kinds';
import { EVENT_HEADERS } from '../event-message';
import { CLOUDEVENTS_CONTENT_TYPE, type IntegrationEventType } from '../integration-events';
import { INTEGRATION_EVENT_SCHEMAS, INTEGRATION_EVENT_TYPES } from '../schemas/project-events.schemas';

/** Path of the committed document, relative to the repository root; a test keeps it equal to the generator. */
export const ASYNCAPI_DOCUMENT_PATH = 'docs/asyncapi.yaml';
const BINDING_VERSION = '0.3.0';

const camel = (kind: string): string => kind.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
const messageName = (kind: string): string => `project${camel(kind).replace(/^./, (c) => c.toUpperCase())}`;

function kindOfType(type: IntegrationEventType): EventKind {
  return type.slice(CLOUDEVENT_TYPE_PREFIX.length).replace(/\.v\d+$/, '') as EventKind;
}

/** AsyncAPI's default schema format is draft-07-like: drop the 2020-12 dialect markers. */
function payloadOf(type: IntegrationEventType): Record<string, unknown> {
  const { $schema: _dialect, $id: _id, ...rest } = INTEGRATION_EVENT_SCHEMAS[type];
  return rest;
}

const headersSchema = {
  type: 'object',
  required: [EVENT_HEADERS.stream, EVENT_HEADERS.revision, EVENT_HEADERS.position, EVENT_HEADERS.region],
  properties: {
    [EVENT_HEADERS.stream]: { type: 'string', description: 'Event stream, `project-<projectId>`.' },
    [EVENT_HEADERS.revision]: {
      type: 'integer',
      minimum: 0,
      description: 'Revision within the stream (0 = first).',
    },
    [EVENT_HEADERS.position]: {
      type: 'integer',
      minimum: 1,
      description: 'Global position in the event log.',
    },
    [EVENT_HEADERS.region]: { type: 'string', description: 'Region slug, as in the routing key.' },
    [EVENT_HEADERS.correlationId]: { type: 'string' },
    [EVENT_HEADERS.replay]: {
      type: 'boolean',
      description: 'Present and true on republished (replayed) messages.',
    },
    [EVENT_HEADERS.originalPosition]: { type: 'integer', description: 'Position of a replayed event.' },
  },
};

/** The AsyncAPI 3 description of the events exchange, generated from the contracts so both never drift. */
export function buildAsyncApiDocument(exchange = 'projects.events'): Record<string, unknown> {
  const regionSlugs = [...REGIONS.map(regionSlug), UNKNOWN_REGION_SLUG];
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  for (const type of INTEGRATION_EVENT_TYPES) {
    const kind = kindOfType(type);
    const name = messageName(kind);
    messages[name] = {
      name: type,
      title: `Project ${kind.replace('-', ' ')} (v1)`,
      contentType: CLOUDEVENTS_CONTENT_TYPE,
      headers: headersSchema,
      payload: payloadOf(type),
      correlationId: { location: '$message.header#/correlation-id' },
      bindings: { amqp: { messageType: type, bindingVersion: BINDING_VERSION } },
    };
    channels[name] = {
      address: `project.${kind}.{region}`,
      description: `Every ${kind} event, one routing key per region.`,
      parameters: { region: { enum: regionSlugs, description: 'Region slug of the project.' } },
      messages: { [name]: { $ref: `#/components/messages/${name}` } },
      bindings: {
        amqp: {
          is: 'routingKey',
          exchange: { name: exchange, type: 'topic', durable: true, autoDelete: false, vhost: '/' },
          bindingVersion: BINDING_VERSION,
        },
      },
    };
    operations[`receive${name.replace(/^./, (c) => c.toUpperCase())}`] = {
      action: 'receive',
      channel: { $ref: `#/channels/${name}` },
      messages: [{ $ref: `#/channels/${name}/messages/${name}` }],
      bindings: { amqp: { ack: true, bindingVersion: BINDING_VERSION } },
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Project Ledger events',
      version: '1.0.0',
      description:
        `Every accepted project change, relayed from the event log to the durable topic exchange \`${exchange}\`. ` +
        'Delivery is at least once, in order per project; dedupe on message_id (= CloudEvents id).',
    },
    defaultContentType: CLOUDEVENTS_CONTENT_TYPE,
    servers: { local: { host: '127.0.0.1:5672', protocol: 'amqp', protocolVersion: '0.9.1' } },
    channels,
    operations,
    components: { messages },
  };
}

export const renderAsyncApiYaml = (exchange?: string): string =>
  `# Generated from libs/contracts (npm run relay -- asyncapi). Do not edit by hand.\n${stringify(
    buildAsyncApiDocument(exchange),
    { aliasDuplicateObjects: false, lineWidth: 0 },
  )}`;

export const EVENT_KIND_LIST = Object.values(EVENT_KINDS);
