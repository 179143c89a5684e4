import { readIatiActivities } from '../import/iati-stream.reader';
import { toXmlElement } from '../xml/xml-tree';
import { el, serializeXml } from '../xml/xml-writer';
import { checkIatiRules, type RuleFailure } from './iati-rules.checker';

const BATCH = 100;

/**
 * Checks an IATI activity file of any size against the rulesets, a hundred activities at a time (each batch
 * becomes a small iati-activities document), so memory stays bounded like the import's.
 */
export async function checkIatiFile(
  chunks: AsyncIterable<string | Buffer> | Iterable<string | Buffer>,
  now: Date,
): Promise<{ activities: number; failures: RuleFailure[] }> {
  const failures: RuleFailure[] = [];
  let activities = 0;
  let batch: ReturnType<typeof toXmlElement>[] = [];
  const flush = () => {
    if (batch.length === 0) return;
    const xml = serializeXml(el('iati-activities', { version: '2.03' }, batch));
    failures.push(...checkIatiRules(xml, { now, firstIndex: activities - batch.length + 1 }));
    batch = [];
  };
  for await (const tree of readIatiActivities(chunks, undefined, { rawText: true })) {
    activities++;
    batch.push(toXmlElement(tree));
    if (batch.length === BATCH) flush();
  }
  flush();
  return { activities, failures };
}
