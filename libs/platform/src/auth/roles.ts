import { SetMetadata } from '@nestjs/common';

export const ROLES = ['publisher', 'reader', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLES_KEY = 'ledger:roles';
export const PUBLIC_KEY = 'ledger:public';

/**
 * What each role may also do: an auditor reads everything a reader reads (the whole record, not only its
 * history), and `admin` may call every route. The one place the role model is declared: the guard and
 * the OpenAPI document both read it.
 */
const GRANTS: Record<Role, readonly Role[]> = {
  publisher: ['publisher'],
  reader: ['reader'],
  auditor: ['auditor', 'reader'],
  admin: ROLES,
};

/** Every role a credential holding `held` acts as. */
export const grantedRoles = (held: readonly Role[]): Role[] =>
  ROLES.filter((role) => held.some((h) => GRANTS[h].includes(role)));

/** The roles whose holders may call a route that names `required`, e.g. reader → reader, auditor, admin. */
export const rolesAllowed = (required: readonly Role[]): Role[] =>
  ROLES.filter((role) => GRANTS[role].some((g) => required.includes(g)));

/** Who may call a route (and, through GRANTS, who else). Routes with neither @Roles nor @Public are denied. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
/** A route anyone may call (health, docs). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Who made a request, as recorded in event metadata (`actor`). */
export interface Principal {
  actor: string;
  role: Role;
  /** Every role the credential holds (a JWT may carry several); absent means just `role`. */
  roles?: readonly Role[];
}
