import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appConfigSchema } from '@ledger/platform';
import { RELAY_ENV_VARIABLES } from '../../apps/relay/src/relay.settings';

/** The variables named in the first column of README's "Configuration" table. */
function readmeVariables(): string[] {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const section = /## Configuration\n([\s\S]*?)\n## /.exec(readme)![1];
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => [...line.split('|')[1].matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1]));
}

describe('README configuration table', () => {
  it('lists exactly the variables the apps read (config schema and relay settings)', () => {
    const known = [...Object.keys(appConfigSchema.shape), ...RELAY_ENV_VARIABLES].sort();
    expect([...new Set(readmeVariables())].sort()).toEqual([...new Set(known)].sort());
  });
});
