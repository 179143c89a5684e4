/**
 * The one way the console talks to the ledger: same-origin fetch with the credential in the
 * Authorization header. Errors are the API's problem+json, turned into an ApiError with its stable code.
 */
const STORAGE_KEY = 'ledger.credential';

/** The credential lives in sessionStorage only: gone when the tab closes, never in a URL or cookie. */
export const credential = {
  get: (): string | null => sessionStorage.getItem(STORAGE_KEY),
  set: (value: string): void => sessionStorage.setItem(STORAGE_KEY, value),
  clear: (): void => sessionStorage.removeItem(STORAGE_KEY),
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Called when the ledger stops accepting the credential (expired token, revoked key). */
let onUnauthenticated: (error: ApiError) => void = () => undefined;
export const whenUnauthenticated = (handler: (error: ApiError) => void): void => {
  onUnauthenticated = handler;
};

export const authHeaders = (): Record<string, string> => {
  const value = credential.get();
  return value ? { Authorization: `Bearer ${value}` } : {};
};

export async function request(path: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(path, {
    ...init,
    headers: { Accept: 'application/json', ...authHeaders(), ...(init.headers ?? {}) },
  });
  if (response.ok) return response;
  const error = await toError(response);
  if (response.status === 401) onUnauthenticated(error);
  throw error;
}

export async function getJson<T>(path: string): Promise<T> {
  return (await (await request(path)).json()) as T;
}

export async function postJson<T>(path: string, body?: unknown): Promise<T> {
  const response = await request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await response.json()) as T;
}

async function toError(response: Response): Promise<ApiError> {
  try {
    const problem = (await response.json()) as { code?: string; detail?: string; title?: string };
    return new ApiError(
      response.status,
      problem.code ?? `HTTP.${response.status}`,
      problem.detail ?? problem.title ?? response.statusText,
    );
  } catch {
    return new ApiError(response.status, `HTTP.${response.status}`, response.statusText);
  }
}

/** Builds `path?a=1&b=2` from the defined, non-empty values only. */
export function withQuery(path: string, params: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params))
    if (value !== undefined && value !== '') query.set(name, String(value));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

export const projectPath = (id: string): string => `/projects/${encodeURIComponent(id)}`;
