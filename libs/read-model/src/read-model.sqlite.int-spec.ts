import { projectionContract } from './testing/projection.contract';
import { sqliteFixture } from './testing/read-model.factories';

describe('SQLite read model', () => {
  describe('projection', () => projectionContract(sqliteFixture));
});
