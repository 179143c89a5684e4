import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';

const DIR = join(__dirname, '..', '..', 'fixtures', 'iati-schemas', '2.03');
const file = (fileName: string) => ({ fileName, contents: readFileSync(join(DIR, fileName), 'utf8') });

/** Validates a document against the official IATI 2.03 activity schema (libxml2 in WebAssembly). */
export async function validateIati(xml: string): Promise<{ valid: boolean; errors: string[] }> {
  const result = await validateXML({
    xml: [{ fileName: 'export.xml', contents: xml }],
    schema: [file('iati-activities-schema.xsd')],
    preload: [file('iati-common.xsd'), file('xml.xsd')],
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}
