import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { dropPostgresSchema, openPostgresReadModel } from './postgres.read-model';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Other schemas come and go on a shared server (other apps, parallel tests, swaps retiring copies):
 * migrating our schema must not depend on theirs.
 */
describe('PostgreSQL read-model migrations while other schemas are dropped', () => {
  it('open and migrate fresh schemas while another session keeps creating and dropping schemas', async () => {
    const churner = new Client({ connectionString: DATABASE_URL });
    await churner.connect();
    let churning = true;
    const churn = (async () => {
      for (let i = 0; churning; i++) {
        const name = `churn_${randomBytes(4).toString('hex')}_${i}`;
        await churner.query(`create schema "${name}"`);
        await churner.query(`create table "${name}".t (id serial primary key, a text, b text, c text)`);
        await churner.query(`drop schema "${name}" cascade`);
      }
    })();
    const schemas = Array.from({ length: 12 }, () => `rm_${randomBytes(6).toString('hex')}`);
    try {
      for (const schema of schemas) {
        const model = await openPostgresReadModel(DATABASE_URL, schema);
        expect(await model.checkpoint()).toBe(0);
        await model.close();
      }
    } finally {
      churning = false;
      await churn;
      await churner.end();
      for (const schema of schemas) await dropPostgresSchema(DATABASE_URL, schema);
    }
  }, 60_000);
});
