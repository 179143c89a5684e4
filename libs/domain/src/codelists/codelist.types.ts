/** One entry of an IATI codelist, in English (see codelists/iati/SOURCE.md for where the lists come from). */
export interface CodelistEntry {
  code: string;
  name: string;
  /** IATI keeps withdrawn codes in its lists so old data stays readable. */
  status: 'active' | 'withdrawn';
  /** The entry's category in the list's category codelist (a DAC 5-digit sector's 3-digit category). */
  category?: string;
}
