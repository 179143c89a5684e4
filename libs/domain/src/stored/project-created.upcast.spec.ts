import { foldProject } from '../project.evolve';
import type { ProjectSnapshot } from '../project.state';
import { MONGOLIA_PROJECT } from '../examples/mongolia.example';
import { upcastProjectCreatedV1 } from './project-created.upcast';
import { toProjectEvent, UnreadableStoredEventError } from './stored-event';

/** ProjectCreated as version 1 stored it: no profile fields. */
const {
  participatingOrgs: _o,
  sectors: _s,
  humanitarian: _h,
  recipientCountries: _r,
  locations: _l,
  ...V1_DATA
} = MONGOLIA_PROJECT;

describe('reading a stored ProjectCreated', () => {
  it('upcasts a version 1 event to an empty profile', () => {
    const event = toProjectEvent({ type: 'ProjectCreated', data: V1_DATA, metadata: { schemaVersion: 1 } });
    expect(event.data).toEqual({ ...MONGOLIA_PROJECT });
  });

  it('copies the stored data as a spread would: same keys in the same order, `__proto__` a plain key', () => {
    const stored = JSON.parse(
      '{"projectId":"A.1","__proto__":{"polluted":true},"sectors":["x"],"2":"two","title":"T"}',
    ) as Record<string, unknown>;
    const upcast = upcastProjectCreatedV1(stored);
    expect(Object.keys(upcast)).toEqual([
      ...Object.keys(stored),
      'participatingOrgs',
      'humanitarian',
      'recipientCountries',
      'locations',
    ]);
    expect(Object.getPrototypeOf(upcast)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(upcast, '__proto__')?.value).toEqual({ polluted: true });
    expect(JSON.stringify(upcast)).toBe(
      JSON.stringify({
        ...stored,
        participatingOrgs: [],
        humanitarian: false,
        recipientCountries: [],
        locations: [],
      }),
    );
  });

  it('reads an event without a schema version as version 1', () => {
    const state = foldProject([toProjectEvent({ type: 'ProjectCreated', data: V1_DATA })]) as ProjectSnapshot;
    expect([state.participatingOrgs, state.sectors, state.humanitarian]).toEqual([[], [], false]);
  });

  it('keeps the profile of an event labelled version 1 that already carries one', () => {
    const data = { ...V1_DATA, humanitarian: true };
    expect(
      toProjectEvent({ type: 'ProjectCreated', data, metadata: { schemaVersion: 1 } }).data,
    ).toMatchObject({
      humanitarian: true,
      sectors: [],
    });
  });

  it('reads a version 2 event as stored', () => {
    const event = toProjectEvent({
      type: 'ProjectCreated',
      data: MONGOLIA_PROJECT,
      metadata: { schemaVersion: 2 },
    });
    expect(event.data).toBe(MONGOLIA_PROJECT);
  });

  it('refuses a version it has no upcaster for', () => {
    expect(() =>
      toProjectEvent({ type: 'ProjectCreated', data: V1_DATA, metadata: { schemaVersion: 3 } }),
    ).toThrow(UnreadableStoredEventError);
  });
});
