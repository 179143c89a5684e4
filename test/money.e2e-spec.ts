import { RunningLedger, startLedger } from './support/standalone-harness';
import { mongoliaProject } from './support/mongolia';

const P = '/projects/TC.0789';
const FUNDER = {
  role: 'funding',
  name: 'Ministry of Foreign Affairs of Japan',
  ref: 'XM-DAC-701-2',
  type: '10',
  activityId: 'JP-2014-MN-01',
};
const tx = (ref: string, type: string | number, amount: string, date: string) => ({
  ref,
  type,
  date,
  value: { amount, currency: 'USD' },
});

describe('follow the money over real HTTP', () => {
  let ledger: RunningLedger;
  beforeEach(async () => (ledger = await startLedger()));
  afterEach(() => ledger.stop());

  const post = async (path: string, body: unknown) => {
    const response = await ledger.call('POST', path, { role: 'publisher', body });
    return { status: response.status, body: await response.json() };
  };
  const ok = async (path: string, body: unknown): Promise<number> => {
    const { status, body: result } = await post(path, body);
    if (status >= 300) throw new Error(`${path}: ${status} ${JSON.stringify(result)}`);
    return result.position as number;
  };
  const head = async () =>
    ((await (await ledger.call('GET', `${P}/events`, { role: 'auditor' })).json()) as unknown[]).length;

  /** The Mongolia project with a funder and DAC sectors, started, with a budget revision. */
  async function seed(): Promise<void> {
    await ok('/projects', {
      ...mongoliaProject,
      participatingOrgs: [FUNDER],
      sectors: [
        { vocabulary: '1', code: '15190', percentage: '70' },
        { vocabulary: '1', code: '15110', percentage: '30' },
        { vocabulary: '99', code: 'TCMMCB', vocabularyUri: 'https://www.iom.int/project-types' },
      ],
      humanitarian: false,
      recipientCountries: [{ country: 'Mongolia' }],
    });
    await ok(`${P}/start`, { actualStart: '2014-03' });
  }

  it('records transactions of four types, a reversal and a budget revision, and sums them to the cent', async () => {
    await seed();
    await ok(`${P}/transactions`, tx('IC-1', 'incoming-commitment', '200000.00', '2014-02-10'));
    await ok(`${P}/transactions`, tx('IF-1', 1, '120000', '2014-03-05'));
    await ok(`${P}/transactions`, tx('D-1', '3', '30000.10', '2014-06-30'));
    await ok(`${P}/transactions`, tx('E-1', 'expenditure', '45000.25', '2014-09-30'));
    await ok(`${P}/transactions`, tx('E-2', 'expenditure', '9999.99', '2014-10-01'));
    await ok(`${P}/transactions/E-2/reversal`, { reason: 'Booked twice', date: '2014-10-02' });
    const position = await ok(`${P}/budget-revisions`, {
      amount: '210000.00',
      currency: 'USD',
      reason: 'additional-funding',
      effectiveDate: '2015-01-15',
    });
    const finances = await ledger.call('GET', `${P}/finances?minPosition=${position}`, { role: 'reader' });
    expect(finances.status).toBe(200);
    expect(await finances.json()).toEqual([
      {
        currency: 'USD',
        budget: '210000.00',
        incomingCommitment: '200000.00',
        incomingFunds: '120000.00',
        committed: '0.00',
        disbursed: '30000.10',
        spent: '75000.35',
        remaining: '134999.65',
        spentShare: '0.3571',
        lastTransactionDate: '2014-09-30',
      },
    ]);
    const listed = await ledger.call('GET', `${P}/transactions?type=expenditure&minPosition=${position}`, {
      role: 'reader',
    });
    expect(
      ((await listed.json()) as { items: { ref: string; reversal: unknown }[] }).items.map((t) => [
        t.ref,
        t.reversal,
      ]),
    ).toEqual([
      ['E-1', null],
      ['E-2', { date: '2014-10-02', reason: 'Booked twice' }],
    ]);
  });

  it('adds, changes and removes participating organisations and replaces sectors, flag and locations', async () => {
    await seed();
    await ok(`${P}/participating-orgs`, { role: 'extending', name: 'UNDP', ref: 'XM-DAC-41114' });
    await ok(`${P}/participating-orgs/org-2`, { role: 'implementing', name: 'UNDP', ref: 'XM-DAC-41114' });
    await ok(`${P}/participating-orgs/org-1/removal`, { reason: 'Entered under the wrong role' });
    await ok(`${P}/sectors`, { sectors: [{ vocabulary: '2', code: '151' }] });
    await ok(`${P}/humanitarian`, { humanitarian: true });
    const position = await ok(`${P}/locations`, {
      recipientCountries: [{ country: 'MN', percentage: '100' }],
      locations: [{ name: 'Ulaanbaatar', point: { latitude: 47.9184, longitude: 106.9177 } }],
    });
    const profile = {
      participatingOrgs: [{ orgId: 'org-2', role: 'implementing', name: 'UNDP', ref: 'XM-DAC-41114' }],
      sectors: [{ vocabulary: '2', code: '151', percentage: '100', vocabularyUri: null }],
      humanitarian: true,
      recipientCountries: [{ country: 'MN', percentage: '100' }],
      locations: [{ name: 'Ulaanbaatar', point: { latitude: 47.9184, longitude: 106.9177 } }],
    };
    const state = await (await ledger.call('GET', `${P}/as-of?revision=7`, { role: 'auditor' })).json();
    expect(state.state).toMatchObject(profile);
    // A reader sees the same profile in the project's current view, once the projector has applied it.
    const view = await (await ledger.call('GET', `${P}?minPosition=${position}`, { role: 'reader' })).json();
    expect(view.profile).toMatchObject(profile);
  });

  it('totals money by funder, by region and by DAC sector in GET /stats/finances', async () => {
    await seed();
    const position = await ok(`${P}/transactions`, {
      ...tx('IC-1', 'incoming-commitment', '200000.00', '2014-02-10'),
      provider: { name: FUNDER.name, ref: FUNDER.ref },
    });
    const stats = async (groupBy: string) =>
      (
        await ledger.call('GET', `/stats/finances?groupBy=${groupBy}&minPosition=${position}`, {
          role: 'reader',
        })
      ).json();
    const figures = { incomingFunds: '0.00', committed: '0.00', disbursed: '0.00', spent: '0.00' };
    expect(await stats('funder')).toEqual([
      { key: 'XM-DAC-701-2', currency: 'USD', projects: 1, incomingCommitment: '200000.00', ...figures },
    ]);
    expect(await stats('region')).toEqual([
      { key: 'Asia and Oceania', currency: 'USD', projects: 1, incomingCommitment: '200000.00', ...figures },
    ]);
    // The seed's DAC sectors: 15190 at 70 %, 15110 at 30 % (its own vocabulary 99 is not a DAC sector).
    expect(await stats('sector')).toEqual([
      { key: '15110', currency: 'USD', projects: 1, incomingCommitment: '60000.00', ...figures },
      { key: '15190', currency: 'USD', projects: 1, incomingCommitment: '140000.00', ...figures },
    ]);
  });

  it('leaves a transaction out of the as-of state on a date before it took effect', async () => {
    await seed();
    await ok(`${P}/transactions`, tx('IF-1', 'incoming-funds', '120000.00', '2014-03-05'));
    const refs = async (date: string) => {
      const answer = await (
        await ledger.call('GET', `${P}/as-of?effectiveDate=${date}`, { role: 'auditor' })
      ).json();
      return (answer.state.transactions as { ref: string }[]).map((t) => t.ref);
    };
    expect(await refs('2014-03-04')).toEqual([]);
    expect(await refs('2014-03-05')).toEqual(['IF-1']);
  });

  it.each([
    [
      'sector percentages not summing to 100',
      '/projects',
      {
        ...mongoliaProject,
        projectId: 'TC.0790',
        sectors: [
          { vocabulary: '1', code: '15190', percentage: '60' },
          { vocabulary: '1', code: '15110', percentage: '30' },
        ],
      },
      [['sectors', 'INVALID_COMBINATION']],
    ],
    [
      'an unknown DAC code',
      '/projects',
      { ...mongoliaProject, projectId: 'TC.0790', sectors: [{ vocabulary: '1', code: '99999' }] },
      [['sectors[0].code', 'NOT_IN_LIST']],
    ],
    [
      'an unknown transaction type',
      `${P}/transactions`,
      tx('X-1', 'refund', '10.00', '2014-05-01'),
      [['type', 'NOT_IN_LIST']],
    ],
    [
      'a negative value',
      `${P}/transactions`,
      tx('X-1', 'expenditure', '-10.00', '2014-05-01'),
      [['value.amount', 'INVALID_FORMAT']],
    ],
    [
      'a zero value',
      `${P}/transactions`,
      tx('X-1', 'expenditure', '0.00', '2014-05-01'),
      [['value.amount', 'OUT_OF_RANGE']],
    ],
  ])(
    'refuses %s with 400, one entry per bad field, and appends nothing',
    async (_what, path, body, fields) => {
      await seed();
      const before = await head();
      const { status, body: problem } = await post(path, body);
      expect(status).toBe(400);
      expect(problem.code).toBe('VALIDATION.FAILED');
      expect(problem.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual(fields);
      expect(await head()).toBe(before);
    },
  );

  it.each([
    [
      'a future date',
      `${P}/transactions`,
      tx('X-1', 'expenditure', '10.00', '2999-01-01'),
      'PROJECT.TRANSACTION_IN_FUTURE',
    ],
    [
      'a reversal of a transaction that does not exist',
      `${P}/transactions/NOPE/reversal`,
      { reason: 'typo' },
      'PROJECT.TRANSACTION_NOT_FOUND',
    ],
  ])('refuses %s with 409 and appends nothing', async (_what, path, body, code) => {
    await seed();
    const before = await head();
    const { status, body: problem } = await post(path, body);
    expect([status, problem.code]).toEqual([409, code]);
    expect(await head()).toBe(before);
  });

  it('refuses a body naming another transaction than the path', async () => {
    await seed();
    await ok(`${P}/transactions`, tx('IF-1', 'incoming-funds', '1.00', '2014-03-05'));
    const { status, body } = await post(`${P}/transactions/IF-1/reversal`, { ref: 'OTHER', reason: 'x' });
    expect([status, body.errors[0].field]).toEqual([400, 'ref']);
  });
});
