/**
 * What the import does with each child of iati-activity (IATI 2.03 names, in the schema's order). One table,
 * so the report, the export and docs/iati.md agree.
 *  - held: the ledger holds it in fields and the export writes it from them (details it does not hold are
 *    reported as refused);
 *  - held-and-kept: held in a field AND kept verbatim; the export gives back the kept copy while the field
 *    still says what the copy says, and writes the field otherwise (a later change in the ledger wins).
 *    Budgets are so: the total is the project's budget, the periods are kept as the publisher gave them;
 *  - kept: no field holds it; kept verbatim and written back as kept.
 */
export type ElementHandling = 'held' | 'held-and-kept' | 'kept';

export const ACTIVITY_ELEMENTS: readonly (readonly [string, ElementHandling])[] = [
  ['iati-identifier', 'held-and-kept'],
  ['reporting-org', 'kept'],
  ['title', 'held-and-kept'],
  ['description', 'held-and-kept'],
  ['participating-org', 'held-and-kept'],
  ['other-identifier', 'held-and-kept'],
  ['activity-status', 'held-and-kept'],
  ['activity-date', 'held-and-kept'],
  ['contact-info', 'kept'],
  ['activity-scope', 'held-and-kept'],
  ['recipient-country', 'held-and-kept'],
  ['recipient-region', 'held-and-kept'],
  ['location', 'held-and-kept'],
  ['sector', 'held-and-kept'],
  ['tag', 'kept'],
  ['country-budget-items', 'kept'],
  ['humanitarian-scope', 'kept'],
  ['policy-marker', 'kept'],
  ['collaboration-type', 'kept'],
  ['default-flow-type', 'kept'],
  ['default-finance-type', 'kept'],
  ['default-aid-type', 'kept'],
  ['default-tied-status', 'kept'],
  ['budget', 'held-and-kept'],
  ['planned-disbursement', 'kept'],
  ['capital-spend', 'kept'],
  ['transaction', 'held-and-kept'],
  ['document-link', 'kept'],
  ['related-activity', 'kept'],
  ['legacy-data', 'kept'],
  ['conditions', 'kept'],
  ['result', 'kept'],
  ['crs-add', 'kept'],
  ['fss', 'kept'],
];

export const ELEMENT_HANDLING: ReadonlyMap<string, ElementHandling> = new Map(ACTIVITY_ELEMENTS);
export const SCHEMA_ORDER: readonly string[] = ACTIVITY_ELEMENTS.map(([name]) => name);

/** iati-activity attributes the export writes itself rather than keeping the source's. */
export const REWRITTEN_ATTRIBUTES: ReadonlyMap<string, string> = new Map([
  ['last-updated-datetime', 'the export writes the time of the project’s last event'],
]);

/**
 * Attributes IATI 2.03 requires that older files may lack: such an element cannot be given back in a valid
 * 2.03 document, so it is refused (and reported) rather than kept.
 */
export const REQUIRED_203_ATTRIBUTES: ReadonlyMap<string, readonly string[]> = new Map([
  ['capital-spend', ['percentage']],
  ['policy-marker', ['code']],
  ['participating-org', ['role']],
  ['recipient-country', ['code']],
  ['sector', ['code']],
]);

/** contact-info children that identify a person. */
export const PERSONAL_CONTACT_ELEMENTS = [
  'person-name',
  'job-title',
  'telephone',
  'email',
  'mailing-address',
];
