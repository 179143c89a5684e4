import { v5 as uuidv5 } from 'uuid';

/** Namespace of ids derived from IATI content (a fixed random UUID, chosen once). */
const IATI_IMPORT_NAMESPACE = '0d6f3a8e-4c1b-4f7e-9a52-6b1e8d2c7f30';

/**
 * The same activity element always gives the same command id, so importing a file again appends nothing:
 * the command service finds the command's events already in the stream and returns the first result.
 */
export const importCommandId = (iatiIdentifier: string, element: string): string =>
  uuidv5(`iati\n${iatiIdentifier}\n${element}`, IATI_IMPORT_NAMESPACE);

/** One correlation id per imported project: every event an import writes for it is linked. */
export const importCorrelationId = (projectId: string): string =>
  uuidv5(`iati-project\n${projectId}`, IATI_IMPORT_NAMESPACE);
