/**
 * A real public IATI activity of IOM (reporting organisation XM-DAC-47066), the second README
 * walk-through. Every figure below is copied from the activity XM-DAC-47066-DP.2154 as d-portal served it
 * (dataset "iom-activity", generated 2021-02-26T11:20:25Z, IATI 2.03), found as the test file
 * tests/files/activity-01.xml of the public repository davidmegginson/diterator (commit
 * 10fe5c9fb40abd3c5e5a2b061ef77c8d74a8e6e2):
 * - title, humanitarian="1", default currency USD, activity status 2 (implementation);
 * - participating-org role 1: Japan - Ministry of Foreign Affairs, ref XM-DAC-701-2, type 10,
 *   activity-id XM-DAC-701-2-YK/IOM/71; role 2: IOM, ref XM-DAC-47066, type 40;
 * - activity dates: planned start 2020-03-15, actual start 2020-03-15, planned end 2021-03-14;
 * - recipient-country SO; locations "IOM Country Office - SO" at 2.013475 45.306415 and "Somalia" (A4 SO);
 * - sectors: 99 "DP" (Internally Displaced Persons), 98 "01" (Movement, Emergency and Post-Crisis Migration
 *   Management), both with vocabulary-uri https://data.iom.int/codelist/sector.pdf, and DAC 72010;
 * - budget type 1 status 2, USD 1459753.72 for 2020-03-15 to 2021-03-14;
 * - its one transaction: type 11 (incoming commitment) dated 2020-03-01, USD 1459753.72, from the Japanese
 *   ministry (provider-activity-id XM-DAC-701-2-YK/IOM/71).
 * Not from the record: the transaction ref (IATI gives none; the ledger needs one) and the ledger's region
 * ("Africa") and funding year (2020, the year of the commitment).
 */
export const IOM_SOMALIA = {
  projectId: 'DP.2154',
  budget: '1459753.72',
  commitment: { date: '2020-03-01', amount: '1459753.72' },
  funder: { ref: 'XM-DAC-701-2', activityId: 'XM-DAC-701-2-YK/IOM/71' },
};
