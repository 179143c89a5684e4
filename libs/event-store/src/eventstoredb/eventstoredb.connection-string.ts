import { parseConnectionString } from '@eventstore/db-client/dist/Client/parseConnectionString';

export const ESDB_CONNECTION_STRING_EXPECTED =
  'an EventStoreDB connection string such as esdb://localhost:2113?tls=false or esdb://node1:2113,node2:2113,node3:2113?tls=true';

/**
 * Whether the client will accept this connection string, checked with the client's own parser (a cluster
 * string lists several hosts, which `new URL()` refuses), plus the port range and whitespace the parser lets
 * through.
 * Lets configuration stop start-up on a typo instead of failing the first append.
 */
export function isEsdbConnectionString(value: string): boolean {
  if (/\s/.test(value)) return false;
  try {
    const { hosts } = parseConnectionString(value);
    return (
      hosts.length > 0 &&
      hosts.every((host) => Number.isInteger(host.port) && host.port >= 1 && host.port <= 65535)
    );
  } catch {
    return false;
  }
}
