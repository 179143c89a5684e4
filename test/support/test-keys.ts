import { apiKeyList } from '@ledger/platform/testing/http-caller';

/** API keys the end-to-end tests (and the README walk-through) run with. Not secrets: test fixtures only. */
export const TEST_KEYS = {
  publisher: 'publisher-dev-key',
  reader: 'reader-dev-key',
  auditor: 'auditor-dev-key',
  admin: 'admin-dev-key',
} as const;

export const TEST_API_KEYS = apiKeyList(TEST_KEYS);
