import { XMLParser } from 'fast-xml-parser';

/** One entry of an IATI codelist, in English: what the ledger checks codes against. */
export interface CodelistEntry {
  code: string;
  name: string;
  /** IATI keeps withdrawn codes in the list so old data stays readable. */
  status: 'active' | 'withdrawn';
  /** The code of the entry's category in the list's category codelist (Sector -> SectorCategory). */
  category?: string;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  // Codes such as "01" or "10" must stay strings.
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => name === 'codelist-item' || name === 'narrative',
});

type Narrative = string | { '#text'?: string; '@xml:lang'?: string };

/** The narrative without a language attribute is the English one (the list's xml:lang is "en"). */
function english(narratives: Narrative[] | undefined): string {
  const plain = (narratives ?? []).find((n) => typeof n === 'string' || n['@xml:lang'] === undefined);
  const text = typeof plain === 'string' ? plain : (plain?.['#text'] ?? '');
  return text.replace(/\s+/g, ' ').trim();
}

/** Parses one IATI codelist XML file (the format of IATI/IATI-Codelists' codelist.xsd). */
export function convertCodelist(xml: string): CodelistEntry[] {
  const doc = parser.parse(xml) as {
    codelist: {
      'codelist-items': {
        'codelist-item': {
          '@status'?: string;
          code: string;
          name: { narrative: Narrative[] };
          category?: string;
        }[];
      };
    };
  };
  return doc.codelist['codelist-items']['codelist-item'].map((item) => ({
    code: String(item.code).trim(),
    name: english(item.name?.narrative),
    status: item['@status'] === 'withdrawn' ? 'withdrawn' : 'active',
    ...(item.category !== undefined ? { category: String(item.category).trim() } : {}),
  }));
}
