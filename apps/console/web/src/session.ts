import { ApiError, credential, getJson } from './api';

export type Role = 'publisher' | 'reader' | 'auditor' | 'admin';

export interface Session {
  actor: string;
  /** Every role the credential acts as (an auditor also reads; admin is everything). */
  roles: Role[];
}

export const canRead = (s: Session): boolean => s.roles.includes('reader');
export const canAudit = (s: Session): boolean => s.roles.includes('auditor');

/** Asks the ledger who this credential is; on success keeps it for this tab. */
export async function signIn(value: string): Promise<Session> {
  credential.set(value);
  try {
    return await getJson<Session>('/session');
  } catch (error) {
    credential.clear();
    throw error;
  }
}

/** What to tell a person whose credential was refused, in words rather than status codes. */
export function signInMessage(error: unknown): string {
  if (error instanceof ApiError && error.status === 401)
    return 'The ledger did not accept this key or token: it is wrong, expired or revoked. Check it and try again.';
  if (error instanceof ApiError && error.status === 429)
    return 'Too many attempts. Wait a minute, then try again.';
  if (error instanceof ApiError) return `The ledger refused the sign-in: ${error.message}`;
  return 'The ledger could not be reached. Check your connection and try again.';
}
