/** Test support: calls an app over real HTTP as one of the roles of a key table. Not used by the apps. */

/** `{ reader: 'k1', admin: 'k2' }` → `reader:k1,admin:k2`, the API_KEYS format. */
export const apiKeyList = (keys: Readonly<Record<string, string>>): string =>
  Object.entries(keys)
    .map(([role, key]) => `${role}:${key}`)
    .join(',');

export interface CallOptions<Role extends string> {
  /** Who calls: a role of the key table, or null for no Authorization header. */
  role?: Role | null;
  /** Sent as JSON (with content-type application/json unless one is given). */
  body?: unknown;
  /** Sent as is, for malformed or non-JSON bodies. */
  rawBody?: string;
  /** Extra headers; an explicit authorization or content-type header wins. */
  headers?: Record<string, string>;
}

export type HttpCall<Role extends string> = (
  method: string,
  path: string,
  options?: CallOptions<Role>,
) => Promise<Response>;

export function httpCaller<Role extends string>(
  baseUrl: string | (() => string),
  keys: Readonly<Record<Role, string>>,
  defaultRole: NoInfer<Role>,
): HttpCall<Role> {
  return (method, path, options = {}) => {
    const role = options.role === undefined ? defaultRole : options.role;
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (role) headers.authorization ??= `Bearer ${keys[role]}`;
    let body = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const base = typeof baseUrl === 'string' ? baseUrl : baseUrl();
    return fetch(base + path, { method, headers, body });
  };
}
