import { MONGOLIA_CREATE_BODY } from '@ledger/domain';

/** The real record the docs walk through: a migration-management project in Mongolia (TC.0789). */
export const mongoliaProject = {
  ...structuredClone(MONGOLIA_CREATE_BODY),
  description: 'Strengthens migration management policy and trains border officials in Mongolia.',
};
