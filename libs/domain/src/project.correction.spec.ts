import type { CorrectProjectRecord } from './project.commands';
import type { CorrectedValues } from './project.events';
import { foldProject } from './project.evolve';
import { parseCommandInput } from './project.validation';
import { given } from './testing/decider.spec-helper';
import {
  NOW,
  PROJECT_ID,
  projectCancelled,
  projectCompleted,
  projectCreated,
  projectStarted,
} from './testing/project.fixtures';

const EVENT_ID = '6f1c2a8e-3b5d-5e7f-9a1b-2c3d4e5f6a7b';
const correct = (values: CorrectedValues, revision = 0): CorrectProjectRecord => ({
  type: 'CorrectProjectRecord',
  data: {
    projectId: PROJECT_ID,
    eventId: EVENT_ID,
    revision,
    values,
    reason: 'Mistyped at import',
    approver: 'auditor@example.org',
  },
  now: NOW,
});
const corrected = (values: CorrectedValues, previous: Record<string, unknown>, revision = 0) => ({
  type: 'ProjectRecordCorrected' as const,
  data: {
    projectId: PROJECT_ID,
    correctedEventId: EVENT_ID,
    correctedRevision: revision,
    values,
    previous,
    reason: 'Mistyped at import',
    approvedBy: 'auditor@example.org',
  },
});

describe('CorrectProjectRecord', () => {
  it('records the new values beside the old ones, even on a completed project', () => {
    const history = [projectCreated(), projectStarted('2014-03'), projectCompleted('2016-11')];
    given(history)
      .when(correct({ actualEnd: '2016-12', primaId: 'MN10P0002' }, 2))
      .then([
        corrected(
          { actualEnd: '2016-12', primaId: 'MN10P0002' },
          { actualEnd: '2016-11', primaId: 'MN10P0001' },
          2,
        ),
      ]);
  });

  it('is allowed on a cancelled project too: the record of a finished project can still be wrong', () => {
    given([projectCreated(), projectCancelled()])
      .when(correct({ title: 'Right title' }))
      .then([corrected({ title: 'Right title' }, { title: projectCreated().data.title })]);
  });

  it('changes the folded state, keeping everything it does not name', () => {
    const before = foldProject([projectCreated(), projectStarted('2014-03')]);
    const after = foldProject([
      projectCreated(),
      projectStarted('2014-03'),
      corrected({ actualStart: '2014-04', benefitingMemberStates: ['MN'] }, {}),
    ]);
    expect(after).toEqual({ ...before, actualStart: '2014-04' });
  });

  it('refuses a correction that changes nothing', () => {
    given([projectCreated()])
      .when(correct({ title: projectCreated().data.title }))
      .thenRejects('PROJECT.CORRECTION_UNCHANGED');
  });

  it('refuses to set an actual date the project does not have yet', () => {
    given([projectCreated()])
      .when(correct({ actualStart: '2014-03' }))
      .thenRejects('PROJECT.CORRECTION_INVALID', /actualStart/);
  });

  it('refuses a record that would break a field rule: end before start, coverage, future dates', () => {
    given([projectCreated()])
      .when(correct({ plannedEnd: '2013' }))
      .thenRejects('PROJECT.CORRECTION_INVALID', /plannedEnd/);
    given([projectCreated()])
      .when(correct({ coverage: 'regional' }))
      .thenRejects('PROJECT.CORRECTION_INVALID', /coverage/);
    given([projectCreated(), projectStarted('2014-03')])
      .when(correct({ actualStart: '2030' }))
      .thenRejects('PROJECT.CORRECTION_INVALID', /after today/);
  });

  it('refuses to correct a project that does not exist', () => {
    given([])
      .when(correct({ title: 'x' }))
      .thenRejects('PROJECT.NOT_FOUND');
  });
});

describe('CorrectProjectRecord input', () => {
  const body = {
    eventId: EVENT_ID,
    revision: 0,
    values: { benefitingMemberStates: ['Mongolia'], primaId: null },
    reason: 'typo',
    approver: 'auditor@example.org',
  };

  it('normalises member states to codes and accepts clearing optional fields', () => {
    expect(parseCommandInput('CorrectProjectRecord', PROJECT_ID, body)).toEqual({
      ok: true,
      value: {
        projectId: PROJECT_ID,
        eventId: EVENT_ID,
        revision: 0,
        values: { benefitingMemberStates: ['MN'], primaId: null },
        reason: 'typo',
        approver: 'auditor@example.org',
      },
    });
  });

  it('refuses fields outside the correctable set, an empty set, and a missing approver', () => {
    const result = parseCommandInput('CorrectProjectRecord', PROJECT_ID, {
      ...body,
      values: { budget: { amount: '1' } },
      approver: undefined,
    });
    expect(result).toMatchObject({ ok: false });
    const fields = result.ok ? [] : result.errors.map((e) => [e.field, e.code]);
    expect(fields).toEqual(
      expect.arrayContaining([
        ['values.budget', 'UNKNOWN_FIELD'],
        ['approver', 'REQUIRED'],
      ]),
    );
    expect(parseCommandInput('CorrectProjectRecord', PROJECT_ID, { ...body, values: {} })).toMatchObject({
      ok: false,
      errors: [{ field: 'values', code: 'REQUIRED' }],
    });
  });
});
