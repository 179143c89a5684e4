import {
  emptyProfile,
  parseCommandInput,
  PROJECT_EVENT_TYPES,
  type ProjectCreatedData,
} from '@ledger/domain';
import { validateIntegrationEvent } from './integration-event.validator';
import { PROJECT_EVENT_TABLE } from './project-event.table';

const created: ProjectCreatedData = {
  projectId: 'TC.0789',
  primaId: 'MN10P0001',
  title: 'Title',
  description: null,
  projectType: 'TCMMCB',
  coverage: 'national',
  region: 'Asia and Oceania',
  fundingYear: 2014,
  plannedStart: '2014',
  plannedEnd: '2016',
  budget: { amount: '200000.00', currency: 'USD' },
  benefitingMemberStates: ['MN'],
  ...emptyProfile(),
};

/** created.v1 carries what ProjectCreated held before profiles existed (docs/amqp.md). */
const createdV1 = PROJECT_EVENT_TABLE.ProjectCreated.toV1(created);

const envelope = (data: Record<string, unknown>) => ({
  specversion: '1.0',
  id: '00000000-0000-4000-8000-000000000001',
  type: 'org.projectledger.project.created.v1',
  source: '/project-ledger',
  subject: 'TC.0789',
  time: '2026-01-01T00:00:00.000Z',
  datacontenttype: 'application/json',
  data,
});

describe('the event table', () => {
  it('gives every event type its own wire kind', () => {
    const kinds = PROJECT_EVENT_TYPES.map((type) => PROJECT_EVENT_TABLE[type].kind);
    expect(new Set(kinds).size).toBe(PROJECT_EVENT_TYPES.length);
    for (const kind of kinds) expect(kind).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('publishes schemas that refuse what the domain refuses (rules generated, not copied)', () => {
    expect(validateIntegrationEvent(envelope({ ...createdV1 }))).toMatchObject({ ok: true });
    const wrong: [string, unknown][] = [
      ['primaId', 'MN 10/P?'],
      ['primaId', 'x'.repeat(65)],
      ['projectType', 'T'],
      ['title', 'x'.repeat(501)],
      ['plannedStart', '2014-13'],
      ['fundingYear', 1989],
      ['region', 'Atlantis'],
      ['budget', { amount: '-5.00', currency: 'USD' }],
      ['budget', { amount: '5.00', currency: 'usd' }],
    ];
    for (const [field, value] of wrong) {
      const body = { ...createdV1, [field]: value };
      expect([field, parseCommandInput('CreateProject', null, body).ok]).toEqual([field, false]);
      expect([field, validateIntegrationEvent(envelope(body)).ok]).toEqual([field, false]);
    }
  });
});
