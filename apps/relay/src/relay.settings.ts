import { z } from 'zod';

/** Relay-only settings, read beside the platform config. */
const relaySettingsSchema = z.object({
  RELAY_NAME: z.string().min(1).default('relay'),
  RELAY_WINDOW: z.coerce.number().int().min(1).max(65_535).default(256),
  // Unset: `/project-ledger/<instance id>`, so consumers of a shared broker can tell ledgers apart.
  RELAY_SOURCE: z.string().min(1).optional(),
});

export interface RelaySettings {
  name: string;
  window: number;
  /** Undefined: the ledger instance's default source. */
  source?: string;
}

/** Relay settings read from the environment, for the configuration table check. */
export const RELAY_ENV_VARIABLES = Object.keys(relaySettingsSchema.shape);

export function loadRelaySettings(env: NodeJS.ProcessEnv = process.env): RelaySettings {
  const parsed = relaySettingsSchema.safeParse({
    RELAY_NAME: env.RELAY_NAME || undefined,
    RELAY_WINDOW: env.RELAY_WINDOW || undefined,
    RELAY_SOURCE: env.RELAY_SOURCE || undefined,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid relay configuration: ${problems}`);
  }
  return { name: parsed.data.RELAY_NAME, window: parsed.data.RELAY_WINDOW, source: parsed.data.RELAY_SOURCE };
}
