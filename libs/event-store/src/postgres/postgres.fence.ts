import { LeaseLostError, type WriteFence } from '../event-store.port';
import { schemaIdent } from './postgres.schema';

/**
 * Parameters: $1 lease name, $2 token. Returns a row only while that token is current and unexpired (by
 * the database clock). FOR SHARE: a takeover, which updates the row, waits until the guarded transaction
 * ends, so a write is either committed under the old term or refused, never both sides at once.
 */
export function fenceSql(leaseSchema: string): string {
  return `SELECT 1 FROM ${schemaIdent(leaseSchema)}.leases
          WHERE name = $1 AND token = $2 AND expires_at >= clock_timestamp() FOR SHARE`;
}

interface Queryable {
  query(text: string, values: unknown[]): Promise<{ rows: unknown[] }>;
}

/** Throws LeaseLostError unless the fence's term is still current; call inside the guarded transaction. */
export async function checkFence(client: Queryable, fence: WriteFence): Promise<void> {
  const { rows } = await client.query(fenceSql(fence.leaseSchema), [fence.name, fence.token]);
  if (rows.length === 0) throw new LeaseLostError({ name: fence.name, token: fence.token });
}
