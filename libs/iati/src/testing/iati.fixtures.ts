import { foldProject, type ProjectSnapshot } from '@ledger/domain';
import {
  budgetRevised,
  projectCompleted,
  projectCreated,
  projectStarted,
} from '@ledger/domain/testing/project.fixtures';
import type { IatiProjectRecord } from '../export/iati-project.record';

export const ORG = { ref: 'XM-DAC-47066', name: 'International Organization for Migration' };
export const GENERATED_AT = '2026-01-02T03:04:05.000Z';

/** The Mongolia project, completed, with its budget revised from 180,000 to 200,000 USD. */
export function mongoliaRecord(): IatiProjectRecord {
  const events = [
    projectCreated({
      budget: { amount: '180000.00', currency: 'USD' },
      description: 'Migration management policy and border officials training.',
    }),
    projectStarted('2014-03'),
    budgetRevised({
      previous: '180000.00',
      amount: '200000.00',
      delta: '20000.00',
      effectiveDate: '2015-01-15',
    }),
    projectCompleted('2016-12'),
  ];
  return {
    project: foldProject(events) as ProjectSnapshot,
    revisions: [
      { amount: '200000.00', currency: 'USD', effectiveDate: '2015-01-15', reason: 'additional-funding' },
    ],
    lastUpdated: '2016-12-20T10:00:00.000Z',
  };
}

/** An IATI 2.03 activity as another publisher might write it (no ledger extensions). */
export const MONGOLIA_IATI_XML = `<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03" generated-datetime="2017-01-01T00:00:00Z">
  <iati-activity default-currency="USD" xml:lang="en">
    <iati-identifier>XM-DAC-47066-TC.0789</iati-identifier>
    <reporting-org ref="XM-DAC-47066" type="40"><narrative>International Organization for Migration</narrative></reporting-org>
    <title><narrative xml:lang="fr">Appui au Gouvernement de la Mongolie</narrative><narrative>Supporting the Government of Mongolia to Improve Migration Management through Migration Management Policy and Training of Border Officials</narrative></title>
    <description type="2"><narrative>Objectives</narrative></description>
    <description type="1"><narrative>Strengthens migration management policy &amp; trains border officials.</narrative></description>
    <participating-org role="4" ref="XM-DAC-47066"/>
    <other-identifier ref="TC.0789-OLD" type="B1"/>
    <other-identifier ref="MN10P0001" type="A1"/>
    <activity-status code="4"/>
    <activity-date type="1" iso-date="2014-01-01"/>
    <activity-date type="2" iso-date="2014-03-01"/>
    <activity-date type="3" iso-date="2016-12-31"/>
    <activity-date type="4" iso-date="2016-12-15"/>
    <activity-scope code="4"/>
    <recipient-country code="MN" percentage="100"/>
    <recipient-region code="asia-and-oceania" vocabulary="99"><narrative>Asia and Oceania</narrative></recipient-region>
    <sector code="15190" vocabulary="1"/>
    <sector code="TCMMCB" vocabulary="99"/>
    <budget type="1" status="2"><period-start iso-date="2014-01-01"/><period-end iso-date="2014-12-31"/><value value-date="2014-01-01">60000</value></budget>
    <budget type="1" status="2"><period-start iso-date="2015-01-01"/><period-end iso-date="2015-12-31"/><value value-date="2014-01-01">60000</value></budget>
    <budget type="1" status="2"><period-start iso-date="2016-01-01"/><period-end iso-date="2016-12-31"/><value currency="USD" value-date="2014-01-01">60000.00</value></budget>
    <budget type="2" status="2"><period-start iso-date="2015-01-01"/><period-end iso-date="2015-12-31"/><value value-date="2015-01-15">80000.00</value></budget>
  </iati-activity>
</iati-activities>
`;
