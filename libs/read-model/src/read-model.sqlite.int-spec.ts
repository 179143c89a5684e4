import { projectionContract } from './testing/projection.contract';
import { moneyContract } from './testing/money.contract';
import { queriesContract } from './testing/queries.contract';
import { rebuildContract } from './testing/rebuild.contract';
import { sqliteFixture } from './testing/read-model.factories';

describe('SQLite read model', () => {
  describe('projection', () => projectionContract(sqliteFixture));
  describe('queries', () => queriesContract(sqliteFixture));
  describe('rebuild', () => rebuildContract(sqliteFixture));
  describe('transactions and finances', () => moneyContract(sqliteFixture));
});
