import { PROJECT_EVENT_TYPES, type ProjectEvent } from '@ledger/domain';
import type { RecordedEvent } from '@ledger/event-store';
import { cloudEventType, EVENT_KINDS, regionSlug, routingKeyFor } from './event-kinds';
import { toEventMessage } from './event-message';
import { validateIntegrationEvent } from './integration-event.validator';
import { kindOf, toIntegrationEvent, UnmappableEventError } from './to-integration-event';
import { projectLife } from './testing/project-events.fixture';
import { MONEY_EVENTS } from './testing/money-events.fixture';

/** What the contract publishes of an event: everything, except the profile of a ProjectCreated (see below). */
const published = (event: ProjectEvent): unknown => {
  if (event.type !== 'ProjectCreated') return event.data;
  const {
    participatingOrgs: _o,
    sectors: _s,
    humanitarian: _h,
    recipientCountries: _r,
    locations: _l,
    ...v1
  } = event.data;
  return v1;
};

const recorded = (
  event: ProjectEvent,
  position = 7,
  metadata: Record<string, unknown> = {},
): RecordedEvent => ({
  eventId: `00000000-0000-4000-8000-00000000000${position % 10}`,
  type: event.type,
  data: event.data,
  metadata: { recordedAt: '2026-11-29T05:00:00.000Z', correlationId: 'corr-1', ...metadata },
  streamId: `project-${event.data.projectId}`,
  revision: 3,
  position,
});

const everyKind = (): ProjectEvent[] => {
  const cancelled: ProjectEvent = {
    type: 'ProjectCancelled',
    data: { projectId: 'TC.0790', reason: 'funding withdrawn' },
  };
  const corrected: ProjectEvent = {
    type: 'ProjectRecordCorrected',
    data: {
      projectId: 'TC.0790',
      correctedEventId: '00000000-0000-4000-8000-000000000001',
      correctedRevision: 0,
      values: { title: 'Corrected title', benefitingMemberStates: ['MN'] },
      previous: { title: 'Old title', benefitingMemberStates: ['MM'] },
      reason: 'typo in the source record',
      approvedBy: 'auditor@example.org',
    },
  };
  const life = [
    ...projectLife('TC.0789', 'Asia and Oceania', 14, true),
    cancelled,
    corrected,
    ...MONEY_EVENTS,
  ];
  for (const type of PROJECT_EVENT_TYPES) expect(life.map((e) => e.type)).toContain(type);
  return life;
};

describe('toIntegrationEvent', () => {
  it('maps every domain event type to a CloudEvent that validates against its published schema', () => {
    for (const event of everyKind()) {
      const envelope = toIntegrationEvent(recorded(event));
      expect(envelope.type).toBe(cloudEventType(EVENT_KINDS[event.type]));
      expect(validateIntegrationEvent(envelope)).toEqual({ ok: true, type: envelope.type });
      expect(envelope.data).toEqual(published(event));
    }
  });

  it('keeps the profile ProjectCreated carries since stored version 2 out of created.v1', () => {
    const [created] = projectLife('TC.0789', 'Europe', 1);
    const withProfile = { ...created, data: { ...created.data, humanitarian: true } } as ProjectEvent;
    expect(Object.keys(toIntegrationEvent(recorded(withProfile)).data)).not.toContain('humanitarian');
  });

  it('uses the event id, project id and recording time as id, subject and time', () => {
    const [created] = projectLife('TC.0789', 'Asia and Oceania', 1);
    expect(toIntegrationEvent(recorded(created), { source: '/tests' })).toMatchObject({
      specversion: '1.0',
      id: '00000000-0000-4000-8000-000000000007',
      source: '/tests',
      subject: 'TC.0789',
      time: '2026-11-29T05:00:00.000Z',
      datacontenttype: 'application/json',
    });
  });

  it('does not leak fields the contract does not publish', () => {
    const [created] = projectLife('TC.0789', 'Europe', 1);
    const withSecret = {
      ...created,
      data: { ...created.data, internalNote: 'not for consumers' },
    } as unknown as ProjectEvent;
    expect(toIntegrationEvent(recorded(withSecret)).data).not.toHaveProperty('internalNote');
  });

  it('refuses an event without a recording time or of an unknown type', () => {
    const [created] = projectLife('TC.0789', 'Europe', 1);
    expect(() => toIntegrationEvent(recorded(created, 1, { recordedAt: undefined }))).toThrow(
      UnmappableEventError,
    );
    const alien = { type: 'ProjectTeleported', data: { projectId: 'X' } } as unknown as ProjectEvent;
    expect(() => toIntegrationEvent(recorded(alien))).toThrow(/unknown event type ProjectTeleported/);
  });
});

describe('integration event schemas', () => {
  it('reject a budget amount sent as a JSON number, and unknown types', () => {
    const revised = everyKind().find((e) => e.type === 'ProjectBudgetRevised')!;
    const envelope = toIntegrationEvent(recorded(revised)) as unknown as { data: Record<string, unknown> };
    const broken = { ...envelope, data: { ...envelope.data, amount: 201000 } };
    expect(validateIntegrationEvent(broken)).toMatchObject({ ok: false, errors: [{ path: '/data/amount' }] });
    expect(validateIntegrationEvent({ ...envelope, type: 'org.example.other.v1' })).toMatchObject({
      ok: false,
    });
  });
});

describe('wire message', () => {
  it('routes by kind and region slug and carries stream, revision, position and correlation id', () => {
    const revised = everyKind().find((e) => e.type === 'ProjectBudgetRevised')!;
    const message = toEventMessage(recorded(revised, 42), { regionSlug: regionSlug('Asia and Oceania') });
    expect(message.routingKey).toBe('project.budget-revised.asia-and-oceania');
    expect(message.properties).toMatchObject({
      persistent: true,
      messageId: '00000000-0000-4000-8000-000000000002',
      contentType: 'application/cloudevents+json',
      timestamp: Date.parse('2026-11-29T05:00:00.000Z') / 1000,
      correlationId: 'corr-1',
      headers: {
        stream: 'project-TC.0789',
        revision: 3,
        position: 42,
        region: 'asia-and-oceania',
        'correlation-id': 'corr-1',
      },
    });
    expect(message.properties.headers).not.toHaveProperty('x-replay');
    expect(JSON.parse(message.body.toString())).toEqual(message.envelope);
  });

  it('marks replayed messages with x-replay and the original position', () => {
    const [created] = projectLife('TC.0789', 'Africa', 1);
    const message = toEventMessage(recorded(created, 5), { regionSlug: 'africa', replay: true });
    expect(message.properties.headers).toMatchObject({ 'x-replay': true, 'x-original-position': 5 });
  });

  it('slugs every region and names kinds from CloudEvent types', () => {
    expect(regionSlug('Latin America and the Caribbean')).toBe('latin-america-and-the-caribbean');
    expect(routingKeyFor('completed', 'middle-east-and-north-africa')).toBe(
      'project.completed.middle-east-and-north-africa',
    );
    expect(kindOf('org.projectledger.project.budget-revised.v1')).toBe('budget-revised');
    expect(kindOf('org.projectledger.project.teleported.v1')).toBeNull();
  });
});
