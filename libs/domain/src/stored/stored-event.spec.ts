import { foldProject } from '../project.evolve';
import type { ProjectEvent } from '../project.events';
import { readStoredEvent, toProjectEvent, UnreadableStoredEventError } from './stored-event';
import type { StoredVersionRegistry } from './stored-event.versions';

const started = { projectId: 'P-1', actualStart: '2014-03' };
const created = {
  projectId: 'P-1',
  primaId: null,
  title: 'Title',
  description: null,
  projectType: 'TCMMCB',
  coverage: 'national',
  region: 'Africa',
  fundingYear: 2014,
  plannedStart: '2014',
  plannedEnd: '2016',
  budget: { amount: '100.00', currency: 'USD' },
  benefitingMemberStates: ['MN'],
};

/**
 * No stored shape has changed yet, so the real registry has no upcasters. This test-only registry
 * pretends ProjectStarted was once stored (schema version 0) as `{ project, startedOn }` and ProjectCreated
 * (version 0, then 1) without member states and with the budget as a number, to exercise the mechanism.
 */
const registry: StoredVersionRegistry = {
  ProjectStarted: {
    current: 1,
    upcasters: { 0: (d) => ({ projectId: d.project, actualStart: d.startedOn }) },
  },
  ProjectCreated: {
    current: 2,
    upcasters: {
      0: (d) => ({ ...d, budget: { amount: (d.budget as number).toFixed(2), currency: 'USD' } }),
      1: (d) => ({ ...d, benefitingMemberStates: d.benefitingMemberStates ?? [] }),
    },
  },
};

describe('toProjectEvent', () => {
  it('reads a version 1 event as it was stored, with or without a schemaVersion', () => {
    const stored = { type: 'ProjectStarted', data: started, metadata: { schemaVersion: 1 } };
    expect(toProjectEvent(stored)).toEqual({ type: 'ProjectStarted', data: started });
    expect(toProjectEvent({ type: 'ProjectStarted', data: started })).toEqual({
      type: 'ProjectStarted',
      data: started,
    });
  });

  it('refuses an unknown type, data that is not an object and a version it cannot read', () => {
    const read = (stored: Parameters<typeof toProjectEvent>[0]) => () => toProjectEvent(stored);
    expect(read({ type: 'ProjectTeleported', data: started })).toThrow(UnreadableStoredEventError);
    expect(read({ type: 'ProjectTeleported', data: started })).toThrow(/unknown event type/);
    expect(read({ type: 'ProjectStarted', data: null })).toThrow(/not an object/);
    expect(read({ type: 'ProjectStarted', data: started, metadata: { schemaVersion: 2 } })).toThrow(
      /schema version 2 is not one this code reads/,
    );
    expect(read({ type: 'ProjectStarted', data: started, metadata: { schemaVersion: 0 } })).toThrow(
      /no upcaster from schema version 0/,
    );
    expect(read({ type: 'ProjectStarted', data: started, metadata: { schemaVersion: '1' } })).toThrow(
      expect.objectContaining({ code: 'unknown-version' }),
    );
  });
});

describe('readStoredEvent with upcasters (test-only registry)', () => {
  it('lifts an old shape to the current one, one version at a time', () => {
    const old = { type: 'ProjectCreated', data: { ...created, budget: 100 }, metadata: { schemaVersion: 0 } };
    const { benefitingMemberStates: _states, ...v1 } = created;
    expect(readStoredEvent(old, registry).data).toEqual(created);
    expect(
      readStoredEvent({ type: 'ProjectCreated', data: v1, metadata: { schemaVersion: 1 } }, registry).data,
    ).toEqual({ ...v1, benefitingMemberStates: [] });
  });

  it('folds a history that mixes versions to the same state as the current shapes', () => {
    const mixed = [
      { type: 'ProjectCreated', data: { ...created, budget: 100 }, metadata: { schemaVersion: 0 } },
      {
        type: 'ProjectStarted',
        data: { project: 'P-1', startedOn: '2014-03' },
        metadata: { schemaVersion: 0 },
      },
    ];
    const current: ProjectEvent[] = [
      { type: 'ProjectCreated', data: created } as ProjectEvent,
      { type: 'ProjectStarted', data: started },
    ];
    expect(foldProject(mixed.map((e) => readStoredEvent(e, registry)))).toEqual(foldProject(current));
  });

  it('leaves the stored data untouched, so what the hash chain covers does not change', () => {
    const data = { ...created, budget: 100 };
    const stored = { type: 'ProjectCreated', data, metadata: { schemaVersion: 0 } };
    const before = JSON.stringify(stored);
    readStoredEvent(stored, registry);
    expect(JSON.stringify(stored)).toBe(before);
  });

  it('refuses a version newer than the registry knows', () => {
    expect(() =>
      readStoredEvent({ type: 'ProjectCreated', data: created, metadata: { schemaVersion: 3 } }, registry),
    ).toThrow(/schema version 3 is not one this code reads \(current 2\)/);
  });
});
