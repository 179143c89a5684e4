import { foldProject } from './project.evolve';
import type { ProjectSnapshot } from './project.state';
import { PROJECT_ID, projectCreated } from './testing/project.fixtures';
import { FUNDER, IMPLEMENTER, orgAdded } from './testing/profile.fixtures';
import { transaction, transactionRecorded, transactionReversed } from './testing/transaction.fixtures';

const fold = (...events: Parameters<typeof foldProject>[0]) => foldProject(events) as ProjectSnapshot;

describe('folding profile and transaction events', () => {
  it('starts a project with an empty transaction list and the org counter after its organisations', () => {
    const state = fold(projectCreated({ participatingOrgs: [{ orgId: 'org-2', ...FUNDER }] }));
    expect([state.transactions, state.orgSequence]).toEqual([[], 2]);
  });

  it('replaces a changed organisation in place and drops a removed one', () => {
    const state = fold(
      projectCreated(),
      orgAdded('org-1', FUNDER),
      orgAdded('org-2', IMPLEMENTER),
      {
        type: 'ParticipatingOrgChanged',
        data: { projectId: PROJECT_ID, orgId: 'org-1', ...FUNDER, name: 'MOFA', previous: FUNDER },
      },
      { type: 'ParticipatingOrgRemoved', data: { projectId: PROJECT_ID, orgId: 'org-2', reason: null } },
    );
    expect(state.participatingOrgs).toEqual([{ orgId: 'org-1', ...FUNDER, name: 'MOFA' }]);
  });

  it('marks a reversed transaction with its reversal and keeps it in the list', () => {
    const tx = transaction('TX-1', 'expenditure', '10.00');
    const state = fold(
      projectCreated(),
      transactionRecorded(tx),
      transactionReversed(tx, '2015-04-01', 'Typo'),
    );
    expect(state.transactions).toEqual([{ ...tx, reversal: { date: '2015-04-01', reason: 'Typo' } }]);
  });

  it('refuses a reversal of a transaction the stream never recorded (a corrupt stream)', () => {
    const tx = transaction('TX-1', 'expenditure', '10.00');
    expect(() => fold(projectCreated(), transactionReversed(tx, '2015-04-01'))).toThrow(/TX-1/);
  });
});
