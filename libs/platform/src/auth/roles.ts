import { SetMetadata } from '@nestjs/common';

export const ROLES = ['publisher', 'reader', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLES_KEY = 'ledger:roles';
export const PUBLIC_KEY = 'ledger:public';

/** Who may call a route. `admin` may call every route. Routes with neither @Roles nor @Public are denied. */
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
