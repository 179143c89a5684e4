import type { ProjectEventType } from '@ledger/domain';
import type { EventSpec } from './project-event.table';
import { MONEY_PAYLOAD_SCHEMAS_V1 as S } from './schemas/money-events.v1';

type MoneyEventType =
  | 'ParticipatingOrgAdded'
  | 'ParticipatingOrgChanged'
  | 'ParticipatingOrgRemoved'
  | 'ProjectSectorsChanged'
  | 'HumanitarianFlagChanged'
  | 'ProjectLocationsChanged'
  | 'TransactionRecorded'
  | 'TransactionReversed';

/**
 * The event table's entries for the profile and money events (issue 13). Profile changes take effect when
 * recorded; a transaction on its transaction date, a reversal on its own date.
 */
export const MONEY_EVENT_TABLE = {
  ParticipatingOrgAdded: {
    kind: 'participating-org-added',
    contract: S.ParticipatingOrgAdded,
    toV1: (d) => ({
      projectId: d.projectId,
      orgId: d.orgId,
      role: d.role,
      name: d.name,
      ref: d.ref,
      type: d.type,
      activityId: d.activityId,
    }),
    effectiveDate: { from: 'recorded' },
  },
  ParticipatingOrgChanged: {
    kind: 'participating-org-changed',
    contract: S.ParticipatingOrgChanged,
    toV1: (d) => ({
      projectId: d.projectId,
      orgId: d.orgId,
      role: d.role,
      name: d.name,
      ref: d.ref,
      type: d.type,
      activityId: d.activityId,
      previous: { ...d.previous },
    }),
    effectiveDate: { from: 'recorded' },
  },
  ParticipatingOrgRemoved: {
    kind: 'participating-org-removed',
    contract: S.ParticipatingOrgRemoved,
    toV1: (d) => ({ projectId: d.projectId, orgId: d.orgId, reason: d.reason }),
    effectiveDate: { from: 'recorded' },
  },
  ProjectSectorsChanged: {
    kind: 'sectors-changed',
    contract: S.ProjectSectorsChanged,
    toV1: (d) => ({ projectId: d.projectId, sectors: structuredClone(d.sectors) }),
    effectiveDate: { from: 'recorded' },
  },
  HumanitarianFlagChanged: {
    kind: 'humanitarian-flag-changed',
    contract: S.HumanitarianFlagChanged,
    toV1: (d) => ({ projectId: d.projectId, humanitarian: d.humanitarian }),
    effectiveDate: { from: 'recorded' },
  },
  ProjectLocationsChanged: {
    kind: 'locations-changed',
    contract: S.ProjectLocationsChanged,
    toV1: (d) => ({
      projectId: d.projectId,
      recipientCountries: structuredClone(d.recipientCountries),
      locations: structuredClone(d.locations),
    }),
    effectiveDate: { from: 'recorded' },
  },
  TransactionRecorded: {
    kind: 'transaction-recorded',
    contract: S.TransactionRecorded,
    toV1: (d) => ({
      projectId: d.projectId,
      ref: d.ref,
      type: d.type,
      date: d.date,
      value: { amount: d.value.amount, currency: d.value.currency },
      valueDate: d.valueDate,
      provider: d.provider ? { ...d.provider } : null,
      receiver: d.receiver ? { ...d.receiver } : null,
      description: d.description,
    }),
    effectiveDate: { from: 'field', field: 'date' },
  },
  TransactionReversed: {
    kind: 'transaction-reversed',
    contract: S.TransactionReversed,
    toV1: (d) => ({
      projectId: d.projectId,
      ref: d.ref,
      type: d.type,
      value: { amount: d.value.amount, currency: d.value.currency },
      date: d.date,
      reason: d.reason,
    }),
    effectiveDate: { from: 'field', field: 'date' },
  },
} as const satisfies { [T in MoneyEventType & ProjectEventType]: EventSpec<T> };
