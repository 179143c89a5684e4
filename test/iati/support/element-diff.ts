import { activityTreesOf, canonicalXml, type XmlTree } from '@ledger/iati';

/** Differences between two versions of one activity, element by element (canonical XML). */
export interface ActivityDiff {
  /** Elements of the source the export does not give back. */
  missing: string[];
  /** Elements of the export the source does not have. */
  added: string[];
  /** Attributes of iati-activity that differ: name -> [source, export]. */
  attributes: Record<string, [string | null, string | null]>;
}

const ours = (name: string) => name.startsWith('ledger:') || name.startsWith('{');

function diffActivity(source: XmlTree, exported: XmlTree): ActivityDiff {
  const left = source.children.map(canonicalXml);
  const right = exported.children.map(canonicalXml);
  const remaining = [...right];
  const missing: string[] = [];
  for (const element of left) {
    const at = remaining.indexOf(element);
    if (at >= 0) remaining.splice(at, 1);
    else missing.push(element);
  }
  const attributes: ActivityDiff['attributes'] = {};
  for (const name of new Set([...Object.keys(source.attrs), ...Object.keys(exported.attrs)])) {
    if (ours(name)) continue;
    const a = source.attrs[name] ?? null;
    const b = exported.attrs[name] ?? null;
    if (a !== b) attributes[name] = [a, b];
  }
  return { missing, added: remaining, attributes };
}

/** Per iati-identifier, what changed between a source file and its export. */
export function diffIatiFiles(source: string, exported: string): Map<string, ActivityDiff> {
  const id = (t: XmlTree) => t.children.find((c) => c.name === 'iati-identifier')?.text ?? '';
  const out = new Map(activityTreesOf(exported).map((t) => [id(t), t]));
  return new Map(
    activityTreesOf(source).map((t) => {
      const match = out.get(id(t));
      return [
        id(t),
        match ? diffActivity(t, match) : { missing: ['(no such activity)'], added: [], attributes: {} },
      ];
    }),
  );
}
