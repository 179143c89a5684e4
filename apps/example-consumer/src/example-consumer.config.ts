import { join } from 'node:path';
import { z } from 'zod';

const schema = z.object({
  AMQP_URL: z
    .string()
    .regex(/^amqps?:\/\//, 'an amqp:// or amqps:// URL')
    .default('amqp://guest:guest@127.0.0.1:5672'),
  RELAY_EXCHANGE: z.string().min(1).default('projects.events'),
  CONSUMER_QUEUE: z.string().min(1).default('example-consumer.budget-tally'),
  CONSUMER_BINDINGS: z.string().min(1).default('project.#'),
  CONSUMER_DELIVERY_LIMIT: z.coerce.number().int().min(1).max(100).default(5),
  DATA_DIR: z.string().min(1).default('./data'),
});

export interface ExampleConsumerConfig {
  amqpUrl: string;
  exchange: string;
  queue: string;
  /** Routing patterns, e.g. `project.#` or `project.budget-revised.*,project.created.*`. */
  bindings: string[];
  deliveryLimit: number;
  /** The consumer's own SQLite file (effects + processed message ids). */
  databaseFile: string;
}

export function loadExampleConsumerConfig(env: NodeJS.ProcessEnv = process.env): ExampleConsumerConfig {
  const input = Object.fromEntries(
    Object.keys(schema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]),
  );
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new Error(
      `Invalid consumer configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const c = parsed.data;
  return {
    amqpUrl: c.AMQP_URL,
    exchange: c.RELAY_EXCHANGE,
    queue: c.CONSUMER_QUEUE,
    bindings: c.CONSUMER_BINDINGS.split(',')
      .map((b) => b.trim())
      .filter(Boolean),
    deliveryLimit: c.CONSUMER_DELIVERY_LIMIT,
    databaseFile: join(c.DATA_DIR, 'example-consumer.sqlite'),
  };
}
