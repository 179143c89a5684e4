import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  NotLeaderError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { WrongExpectedRevisionError } from '../event-store.port';
import { isTransientError, toWrongExpectedRevisionError } from './eventstoredb.errors';

// The shape grpc-js gives the client; the client wraps it in its typed errors.
const grpcError = (code: number) =>
  Object.assign(new Error(`${code} status`), {
    code,
    details: '',
    metadata: { getMap: () => ({ 'leader-endpoint-host': 'node-2', 'leader-endpoint-port': '2113' }) },
  }) as never;

describe('wrong expected version mapping', () => {
  it('becomes the port error carrying the actual revision', () => {
    const error = new WrongExpectedVersionError(undefined, {
      streamName: 'project-A',
      expected: 3n,
      current: 5n,
    });
    const mapped = toWrongExpectedRevisionError(error, 'project-A', 3);
    expect(mapped).toBeInstanceOf(WrongExpectedRevisionError);
    expect(mapped).toMatchObject({
      streamId: 'project-A',
      expected: 3,
      actual: 5,
      code: 'EVENT_STORE.WRONG_EXPECTED_REVISION',
    });
  });

  it('reports a missing stream as no-stream', () => {
    const error = new WrongExpectedVersionError(undefined, {
      streamName: 'project-B',
      expected: 0n,
      current: 'no_stream',
    });
    expect(toWrongExpectedRevisionError(error, 'project-B', 0).actual).toBe('no-stream');
  });
});

describe('which subscription errors are worth reconnecting for', () => {
  it('retries lost connections, timeouts, leader changes and server-side cancels', () => {
    for (const error of [
      new UnavailableError(grpcError(14)),
      new DeadlineExceededError(grpcError(4)),
      new NotLeaderError(grpcError(5)),
      new CancelledError(grpcError(1)),
      new UnknownError(grpcError(13)),
    ]) {
      expect(isTransientError(error)).toBe(true);
    }
  });

  it('does not retry faults that would repeat forever', () => {
    expect(isTransientError(new AccessDeniedError(grpcError(7)))).toBe(false);
    expect(isTransientError(new UnknownError(grpcError(3)))).toBe(false);
    expect(isTransientError(new Error('bug'))).toBe(false);
    expect(isTransientError('not an error')).toBe(false);
  });
});
