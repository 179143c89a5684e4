import type { ClusterRole } from './cluster-process';
import { median } from './cluster-checks';

export interface Kill {
  name: string;
  role: ClusterRole;
  at: number;
  /** The leases the victim held when killed: their takeover is a failover. */
  led: { lease: string; token: number }[];
}

/** `role:count` of the kills, e.g. `projector:1,relay:2`. */
export const killsByRole = (kills: Kill[]): string =>
  Object.entries(
    kills.reduce<Record<string, number>>((acc, k) => ({ ...acc, [k.role]: (acc[k.role] ?? 0) + 1 }), {}),
  )
    .map(([role, n]) => `${role}:${n}`)
    .join(',');

/** A role's failover times as one figure: `n=2/median=3050ms/max=3601ms`, or `none`. */
export const failoverFigure = (values: number[] = []): string =>
  values.length === 0 ? 'none' : `n=${values.length}/median=${median(values)}ms/max=${Math.max(...values)}ms`;
