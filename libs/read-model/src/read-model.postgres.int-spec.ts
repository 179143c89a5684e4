import { projectionContract } from './testing/projection.contract';
import { moneyContract } from './testing/money.contract';
import { queriesContract } from './testing/queries.contract';
import { rebuildContract } from './testing/rebuild.contract';
import { postgresFixture } from './testing/read-model.factories';

describe('PostgreSQL read model', () => {
  describe('projection', () => projectionContract(postgresFixture));
  describe('queries', () => queriesContract(postgresFixture));
  describe('rebuild', () => rebuildContract(postgresFixture));
  describe('transactions and finances', () => moneyContract(postgresFixture));
});
