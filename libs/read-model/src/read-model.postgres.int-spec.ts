import { projectionContract } from './testing/projection.contract';
import { postgresFixture } from './testing/read-model.factories';

describe('PostgreSQL read model', () => {
  describe('projection', () => projectionContract(postgresFixture));
});
