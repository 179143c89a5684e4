import { ProjectionError } from '../projection/project.projection';
import { isPoison } from './poison';

describe('poison events', () => {
  it('parks what the event itself causes: projection refusals, missing fields, constraint and data errors', () => {
    expect(isPoison(new ProjectionError('Project X has no ProjectCreated'))).toBe(true);
    expect(isPoison(new TypeError("Cannot read properties of undefined (reading 'amount')"))).toBe(true);
    expect(
      isPoison(
        Object.assign(new Error('NOT NULL constraint failed: projects.title'), {
          code: 'SQLITE_CONSTRAINT_NOTNULL',
        }),
      ),
    ).toBe(true);
    expect(isPoison(Object.assign(new Error('null value in column "title"'), { code: '23502' }))).toBe(true);
    expect(
      isPoison(Object.assign(new Error('invalid input syntax for type integer'), { code: '22P02' })),
    ).toBe(true);
  });

  it('does not park an event for a database that is busy, gone or shutting down', () => {
    expect(isPoison(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }))).toBe(false);
    expect(
      isPoison(
        Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      ),
    ).toBe(false);
    expect(isPoison(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe(false);
    expect(isPoison(new Error('Connection terminated unexpectedly'))).toBe(false);
  });
});
