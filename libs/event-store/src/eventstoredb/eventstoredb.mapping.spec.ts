import type { RecordedEvent as EsdbRecordedEvent } from '@eventstore/db-client';
import fc from 'fast-check';
import {
  fromEsdbCurrentRevision,
  fromEsdbExpectedRevision,
  toEsdbExpectedRevision,
  toEsdbPosition,
  toEventData,
  toPortPosition,
  toRecordedEvent,
  toSafeNumber,
} from './eventstoredb.mapping';

function esdbEvent(overrides: Partial<Record<string, unknown>> = {}): EsdbRecordedEvent {
  return {
    streamId: 'project-TC.0789',
    id: '0b0b7c39-64f6-4d0c-9b65-2d0bdf6a3b10',
    isJson: true,
    revision: 4n,
    type: 'ProjectBudgetRevised',
    created: new Date('2026-01-01T00:00:00Z'),
    data: { amount: '250000.00', currency: 'USD' },
    metadata: { actor: 'finance', schemaVersion: 1 },
    position: { commit: 123456n, prepare: 123456n },
    ...overrides,
  } as EsdbRecordedEvent;
}

describe('EventStoreDB expected revision mapping', () => {
  it('maps the port words to the client constants and revisions to bigint', () => {
    expect(toEsdbExpectedRevision('any')).toBe('any');
    expect(toEsdbExpectedRevision('no-stream')).toBe('no_stream');
    expect(toEsdbExpectedRevision(0)).toBe(0n);
    expect(toEsdbExpectedRevision(41)).toBe(41n);
  });

  it('maps the client expectation back, including the stream_exists the port never sends', () => {
    expect(fromEsdbExpectedRevision('any')).toBe('any');
    expect(fromEsdbExpectedRevision('no_stream')).toBe('no-stream');
    expect(fromEsdbExpectedRevision('stream_exists')).toBe('stream-exists');
    expect(fromEsdbExpectedRevision(7n)).toBe(7);
  });

  it('maps the actual revision the server reports, or its absence', () => {
    expect(fromEsdbCurrentRevision('no_stream')).toBe('no-stream');
    expect(fromEsdbCurrentRevision(12n)).toBe(12);
  });

  it('round-trips every port revision', () => {
    fc.assert(
      fc.property(fc.nat(), (revision) => {
        expect(fromEsdbExpectedRevision(toEsdbExpectedRevision(revision))).toBe(revision);
      }),
    );
  });
});

describe('bigint to number conversion', () => {
  it('refuses values a double cannot hold exactly instead of rounding them', () => {
    expect(toSafeNumber(BigInt(Number.MAX_SAFE_INTEGER), 'x')).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => toSafeNumber(BigInt(Number.MAX_SAFE_INTEGER) + 1n, 'commit position')).toThrow(
      /commit position 9007199254740992 is outside the safe integer range/,
    );
  });

  it('refuses negative values (the server uses -1 for "no position")', () => {
    expect(() => toSafeNumber(-1n, 'revision')).toThrow(RangeError);
  });
});

describe('position mapping', () => {
  it('uses the commit position as the port number', () => {
    expect(toPortPosition({ commit: 9000n, prepare: 9000n })).toBe(9000);
  });

  it('resumes from START for position 0 and from {commit, prepare} = n otherwise', () => {
    expect(toEsdbPosition(0)).toBe('start');
    expect(toEsdbPosition(9000)).toEqual({ commit: 9000n, prepare: 9000n });
  });

  it('rebuilds exactly the log position of any gRPC-written event from its port number', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: BigInt(Number.MAX_SAFE_INTEGER) }), (offset) => {
        const logPosition = { commit: offset, prepare: offset };
        expect(toEsdbPosition(toPortPosition(logPosition))).toEqual(logPosition);
      }),
    );
  });

  it('keeps the order of positions', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 52n }), fc.bigInt({ min: 0n, max: 2n ** 52n }), (a, b) => {
        const [pa, pb] = [
          toPortPosition({ commit: a, prepare: a }),
          toPortPosition({ commit: b, prepare: b }),
        ];
        expect(Math.sign(pa - pb)).toBe(a === b ? 0 : a < b ? -1 : 1);
      }),
    );
  });

  it('rejects positions that are not non-negative integers', () => {
    expect(() => toEsdbPosition(-1)).toThrow(RangeError);
    expect(() => toEsdbPosition(1.5)).toThrow(RangeError);
  });
});

describe('recorded event mapping', () => {
  it('turns revisions and positions into numbers and keeps data and metadata', () => {
    expect(toRecordedEvent(esdbEvent())).toEqual({
      eventId: '0b0b7c39-64f6-4d0c-9b65-2d0bdf6a3b10',
      type: 'ProjectBudgetRevised',
      data: { amount: '250000.00', currency: 'USD' },
      metadata: { actor: 'finance', schemaVersion: 1 },
      streamId: 'project-TC.0789',
      revision: 4,
      position: 123456,
    });
  });

  it('gives an empty metadata object for events written without JSON metadata', () => {
    expect(toRecordedEvent(esdbEvent({ metadata: undefined })).metadata).toEqual({});
    expect(toRecordedEvent(esdbEvent({ metadata: new Uint8Array([1, 2]) })).metadata).toEqual({});
    expect(toRecordedEvent(esdbEvent({ metadata: ['a'] })).metadata).toEqual({});
  });

  it('fails loudly when an old server sends no $all position', () => {
    expect(() => toRecordedEvent(esdbEvent({ position: undefined }))).toThrow(/22\.6 or later/);
  });
});

describe('event data mapping', () => {
  it('writes JSON events under the caller-chosen id so the server can deduplicate them', () => {
    const data = toEventData({
      eventId: 'f3c1d7f8-4d0e-4bb1-9a51-7f1f7c8f0e11',
      type: 'ProjectCreated',
      data: { title: 'Migration management' },
      metadata: { actor: 'pms', commandId: 'c-1', schemaVersion: 1 },
    });
    expect(data).toEqual({
      id: 'f3c1d7f8-4d0e-4bb1-9a51-7f1f7c8f0e11',
      contentType: 'application/json',
      type: 'ProjectCreated',
      data: { title: 'Migration management' },
      metadata: { actor: 'pms', commandId: 'c-1', schemaVersion: 1 },
    });
  });
});
