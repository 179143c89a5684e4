import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(__dirname, '..', 'fixtures', 'iati-schemas', '2.03');

/** file → [sha256, whether the notice says it was changed], from NOTICE.md's table. */
function noticeRows(): Map<string, { sha256: string; changed: boolean }> {
  const rows = readFileSync(join(DIR, 'NOTICE.md'), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => line.split('|').map((cell) => cell.trim()));
  return new Map(
    rows.map(([, file, source, sha]) => [
      file.replace(/`/g, ''),
      {
        sha256: sha.replace(/`/g, ''),
        changed: /\bchanged\b/i.test(source) && !/byte-identical/.test(source),
      },
    ]),
  );
}

describe('vendored IATI schemas', () => {
  it('are each listed in NOTICE.md with the sha256 they have, and say whether they differ from upstream', () => {
    const rows = noticeRows();
    const files = readdirSync(DIR).filter((name) => name !== 'NOTICE.md');
    expect([...rows.keys()].sort()).toEqual(files.sort());
    for (const file of files) {
      const sha256 = createHash('sha256')
        .update(readFileSync(join(DIR, file)))
        .digest('hex');
      expect({ file, sha256 }).toEqual({ file, sha256: rows.get(file)!.sha256 });
    }
    // Only xml.xsd was changed (line endings); the IATI files are upstream's bytes.
    expect([...rows].filter(([, row]) => row.changed).map(([file]) => file)).toEqual(['xml.xsd']);
  });
});
