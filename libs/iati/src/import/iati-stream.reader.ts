import { isForeign, treeBuilder, type XmlTree } from '../xml/xml-tree';
import { IatiFileError } from './iati-file.error';

/** IATI versions whose activity files import (the 2.0x family; 2.03 is what the export writes). */
export const IMPORTABLE_VERSIONS = ['2.01', '2.02', '2.03'] as const;

/** What the root says about the whole file. */
export interface IatiFileInfo {
  root: 'iati-activities' | 'iati-activity';
  /** iati-activities/@version; null for a bare iati-activity (data portals serve those without one). */
  version: string | null;
  /** Root attributes in foreign namespaces (a portal's annotations): reported, never kept. */
  foreignAttributes: string[];
}

function checkRoot(node: XmlTree): IatiFileInfo {
  const foreignAttributes = Object.keys(node.attrs).filter(isForeign);
  if (node.name === 'iati-activity') return { root: 'iati-activity', version: null, foreignAttributes };
  if (node.name !== 'iati-activities')
    throw new IatiFileError(
      `The root element is ${node.name}, not iati-activities or iati-activity: only IATI activity files can be imported.`,
    );
  const version = node.attrs.version ?? null;
  if (version === null || !(IMPORTABLE_VERSIONS as readonly string[]).includes(version))
    throw new IatiFileError(
      `iati-activities version="${version ?? ''}" is not supported: only IATI ${IMPORTABLE_VERSIONS.join(', ')} files are.`,
    );
  return { root: 'iati-activities', version, foreignAttributes };
}

/** A push parser: write text, take the iati-activity elements that are complete so far. */
function activityParser(onInfo?: (info: IatiFileInfo) => void, rawText = false) {
  const ready: XmlTree[] = [];
  let info: IatiFileInfo | null = null;
  const parser = treeBuilder({
    rawText,
    onOpen: (node, depth) => {
      if (depth === 0) {
        info = checkRoot(node);
        onInfo?.(info);
      }
    },
    onClose: (node, depth) => {
      const isActivity =
        node.name === 'iati-activity' && (depth === 0 ? info?.root === 'iati-activity' : depth === 1);
      if (isActivity) ready.push(node);
      return isActivity;
    },
  });
  const guard = (run: () => void): XmlTree[] => {
    try {
      run();
    } catch (error) {
      if (error instanceof IatiFileError) throw error;
      throw new IatiFileError(`Not well-formed XML: ${(error as Error).message}`);
    }
    return ready.splice(0);
  };
  return {
    write: (text: string) => guard(() => parser.write(text)),
    end: () =>
      guard(() => {
        parser.close();
        if (info === null) throw new IatiFileError('The file holds no XML element.');
      }),
  };
}

/**
 * Streams the iati-activity elements of an IATI file, one finished element at a time: only the activity
 * being read is held in memory, so a file of any size imports in bounded memory. Accepts an
 * `iati-activities` document (2.01-2.03) or a bare `iati-activity`. Throws IatiFileError for anything else,
 * including XML that is not well formed (with its line and column).
 */
export async function* readIatiActivities(
  chunks: AsyncIterable<string | Buffer> | Iterable<string | Buffer>,
  onInfo?: (info: IatiFileInfo) => void,
  options: { rawText?: boolean } = {},
): AsyncGenerator<XmlTree> {
  const parser = activityParser(onInfo, options.rawText);
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks)
    yield* parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
  yield* parser.write(decoder.decode());
  yield* parser.end();
}

/** Every iati-activity of a document held in a string. */
export function activityTreesOf(xml: string, onInfo?: (info: IatiFileInfo) => void): XmlTree[] {
  const parser = activityParser(onInfo);
  return [...parser.write(xml), ...parser.end()];
}
