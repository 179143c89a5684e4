/**
 * V1 payloads of the profile and money events (issue 13), declared field by field like the others.
 * Organisations, sectors and places use IATI's codes; amounts are decimal strings in the currency given.
 */

export type OrgRoleV1 = 'funding' | 'accountable' | 'extending' | 'implementing';
export interface ParticipatingOrgV1 {
  orgId: string;
  role: OrgRoleV1;
  name: string;
  ref: string | null;
  type: string | null;
  activityId: string | null;
}
export type ParticipatingOrgAddedV1 = { projectId: string } & ParticipatingOrgV1;
export type ParticipatingOrgChangedV1 = { projectId: string } & ParticipatingOrgV1 & {
    previous: Omit<ParticipatingOrgV1, 'orgId'>;
  };
export interface ParticipatingOrgRemovedV1 {
  projectId: string;
  orgId: string;
  reason: string | null;
}
export interface SectorV1 {
  vocabulary: '1' | '2' | '98' | '99';
  code: string;
  percentage: string;
  vocabularyUri: string | null;
}
export interface ProjectSectorsChangedV1 {
  projectId: string;
  sectors: SectorV1[];
}
export interface HumanitarianFlagChangedV1 {
  projectId: string;
  humanitarian: boolean;
}
export interface ProjectLocationsChangedV1 {
  projectId: string;
  recipientCountries: { country: string; percentage: string }[];
  locations: {
    name: string;
    ref: string | null;
    point: { latitude: number; longitude: number } | null;
    administrative: { vocabulary: string; code: string; level: number | null }[];
  }[];
}
export interface TransactionPartyV1 {
  name: string;
  ref: string | null;
  activityId: string | null;
}
export type TransactionTypeV1 =
  | 'incoming-funds'
  | 'outgoing-commitment'
  | 'disbursement'
  | 'expenditure'
  | 'interest-payment'
  | 'loan-repayment'
  | 'reimbursement'
  | 'purchase-of-equity'
  | 'sale-of-equity'
  | 'credit-guarantee'
  | 'incoming-commitment'
  | 'outgoing-pledge'
  | 'incoming-pledge';
export interface TransactionRecordedV1 {
  projectId: string;
  ref: string;
  type: TransactionTypeV1;
  date: string;
  value: { amount: string; currency: string };
  valueDate: string | null;
  provider: TransactionPartyV1 | null;
  receiver: TransactionPartyV1 | null;
  description: string | null;
}
export interface TransactionReversedV1 {
  projectId: string;
  ref: string;
  type: TransactionTypeV1;
  value: { amount: string; currency: string };
  date: string;
  reason: string;
}

export interface MoneyPayloadsV1 {
  ParticipatingOrgAdded: ParticipatingOrgAddedV1;
  ParticipatingOrgChanged: ParticipatingOrgChangedV1;
  ParticipatingOrgRemoved: ParticipatingOrgRemovedV1;
  ProjectSectorsChanged: ProjectSectorsChangedV1;
  HumanitarianFlagChanged: HumanitarianFlagChangedV1;
  ProjectLocationsChanged: ProjectLocationsChangedV1;
  TransactionRecorded: TransactionRecordedV1;
  TransactionReversed: TransactionReversedV1;
}
