import { MONGOLIA_CREATE_BODY } from '@ledger/domain';
import { acquireBrokerLock } from '@ledger/messaging/testing';
import type { AmqpCommandReply } from './amqp-command.message';
import { openAmqpCommandsHarness, type AmqpCommandsHarness } from './testing/amqp-commands.harness';

describe('profile and money commands over AMQP (real RabbitMQ)', () => {
  let harness: AmqpCommandsHarness;
  let release: () => void;

  beforeAll(async () => (release = await acquireBrokerLock()), 200_000);
  afterAll(() => release?.());
  beforeEach(async () => (harness = await openAmqpCommandsHarness('amqp-money')));
  afterEach(() => harness.close());

  const send = (pattern: string, data: unknown): Promise<AmqpCommandReply> => harness.send(pattern, data);
  const projectId = 'TC.0789';

  it('runs every new command by its pattern and stores one event each', async () => {
    const funder = { role: 'funding', name: 'Ministry of Foreign Affairs of Japan', ref: 'XM-DAC-701-2' };
    const messages: [string, unknown][] = [
      ['project.create', { body: { ...MONGOLIA_CREATE_BODY, participatingOrgs: [funder] } }],
      ['project.add-participating-org', { projectId, body: { role: 'implementing', name: 'IOM' } }],
      [
        'project.change-participating-org',
        { projectId, body: { orgId: 'org-2', role: 'implementing', name: 'IOM Mongolia' } },
      ],
      ['project.remove-participating-org', { projectId, body: { orgId: 'org-2' } }],
      ['project.change-sectors', { projectId, body: { sectors: [{ vocabulary: '1', code: '15190' }] } }],
      ['project.change-humanitarian-flag', { projectId, body: { humanitarian: true } }],
      [
        'project.change-locations',
        { projectId, body: { recipientCountries: [{ country: 'MN' }], locations: [] } },
      ],
      [
        'project.record-transaction',
        {
          projectId,
          body: { ref: 'TX-1', type: '11', date: '2014-02-10', value: { amount: '200000', currency: 'USD' } },
        },
      ],
      ['project.reverse-transaction', { projectId, body: { ref: 'TX-1', reason: 'Booked twice' } }],
    ];
    for (const [pattern, data] of messages)
      expect([pattern, await send(pattern, data)]).toEqual([pattern, expect.objectContaining({ ok: true })]);
    const events = await harness.store.readStream(`project-${projectId}`);
    expect(events.map((e) => e.type)).toEqual([
      'ProjectCreated',
      'ParticipatingOrgAdded',
      'ParticipatingOrgChanged',
      'ParticipatingOrgRemoved',
      'ProjectSectorsChanged',
      'HumanitarianFlagChanged',
      'ProjectLocationsChanged',
      'TransactionRecorded',
      'TransactionReversed',
    ]);
    expect(events[0].metadata.schemaVersion).toBe(2);
    expect(events[7].data).toMatchObject({
      type: 'incoming-commitment',
      value: { amount: '200000.00', currency: 'USD' },
    });
  });

  it('answers bad transaction input with the same field errors as HTTP and stores nothing more', async () => {
    await send('project.create', { body: MONGOLIA_CREATE_BODY });
    const reply = await send('project.record-transaction', {
      projectId,
      body: { ref: 'TX-1', type: 'refund', date: '2014-02-10', value: { amount: '0', currency: 'USD' } },
    });
    expect(reply).toMatchObject({ ok: false, problem: { status: 400, code: 'VALIDATION.FAILED' } });
    expect(reply.ok === false && reply.problem.errors?.map((e) => [e.field, e.code])).toEqual([
      ['type', 'NOT_IN_LIST'],
      ['value.amount', 'OUT_OF_RANGE'],
    ]);
    expect(await harness.store.headPosition()).toBe(1);
  });
});
