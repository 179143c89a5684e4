import type { Coverage, ProjectStatus } from '@ledger/domain';

/** IATI ActivityStatus codelist (2.03) for each ledger status; 4 Closed imports like 3 Finalisation. */
export const STATUS_TO_IATI: Readonly<Record<ProjectStatus, string>> = {
  planned: '1',
  active: '2',
  completed: '3',
  cancelled: '5',
  suspended: '6',
};

export function statusFromIati(code: string): ProjectStatus | null {
  switch (code) {
    case '1':
      return 'planned';
    case '2':
      return 'active';
    case '3':
    case '4':
      return 'completed';
    case '5':
      return 'cancelled';
    case '6':
      return 'suspended';
    default:
      return null;
  }
}

/** IATI ActivityScope codelist: 1 Global, 2 Regional, 3 Multi-national, 4 National. */
export const COVERAGE_TO_IATI_SCOPE: Readonly<Record<Coverage, string>> = {
  global: '1',
  regional: '2',
  'multi-national': '3',
  national: '4',
};

/** Scopes 5-8 are sub-national (inside one country), so they import as national coverage. */
export function coverageFromIatiScope(code: string): Coverage | null {
  switch (code) {
    case '1':
      return 'global';
    case '2':
      return 'regional';
    case '3':
      return 'multi-national';
    case '4':
    case '5':
    case '6':
    case '7':
    case '8':
      return 'national';
    default:
      return null;
  }
}

/** IATI ActivityDateType codelist. */
export const ACTIVITY_DATE = {
  plannedStart: '1',
  actualStart: '2',
  plannedEnd: '3',
  actualEnd: '4',
} as const;

/**
 * IATI BudgetType (1 Original, 2 Revised) and BudgetStatus: 2 Committed for an amount the ledger holds as
 * stated, 1 Indicative for a share the export computed (a pro-rata split the publisher never stated).
 */
export const BUDGET_TYPE = { original: '1', revised: '2' } as const;
export const BUDGET_STATUS_COMMITTED = '2';
export const BUDGET_STATUS_INDICATIVE = '1';

/** Vocabulary 99 = "Reporting Organisation": codes the publisher defines (project types, IDF regions). */
export const REPORTING_ORG_VOCABULARY = '99';

/** OtherIdentifierType A1 = "Reporting Organisation's internal activity identifier" (our Prima ID). */
export const OTHER_IDENTIFIER_PRIMA = 'A1';

/** DescriptionType 1 = General. */
export const DESCRIPTION_GENERAL = '1';

/** OrganisationRole 4 = Implementing; OrganisationType 40 = Multilateral. */
export const ORG_ROLE_IMPLEMENTING = '4';
export const ORG_TYPE_MULTILATERAL = '40';

/** Namespace of the ledger's own IATI extension attributes (the standard allows namespaced extensions). */
export const LEDGER_NS = 'https://project-ledger.dev/ns/iati';
export const LEDGER_PREFIX = 'ledger';

export const IATI_VERSION = '2.03';
