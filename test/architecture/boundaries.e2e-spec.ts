import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');

/**
 * The boundary rules that fire on `code` placed at `file` (the file need not exist), as `npm run lint`
 * reports them: the real ESLint with the project's config, in its own process (the config is an ES module,
 * which Jest's module system does not load).
 */
function violations(file: string, code: string): Promise<string[]> {
  const eslint = spawn(
    process.execPath,
    [
      resolve(ROOT, 'node_modules/eslint/bin/eslint.js'),
      '--stdin',
      '--stdin-filename',
      file,
      '--format',
      'json',
    ],
    { cwd: ROOT },
  );
  let out = '';
  eslint.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  eslint.stdin.end(code);
  return new Promise((done, fail) =>
    eslint.on('close', () => {
      try {
        const [result] = JSON.parse(out) as { messages: { ruleId: string | null; message: string }[] }[];
        done(
          result.messages
            .filter((m) => m.ruleId === 'boundaries/dependencies' || m.ruleId === 'no-restricted-syntax')
            .map((m) => m.message),
        );
      } catch (error) {
        fail(error);
      }
    }),
  );
}

describe('boundaries enforced by lint', () => {
  it('refuses a library importing an app', async () => {
    expect(
      await violations(
        'libs/commands/src/x.ts',
        "export { CommandApiModule } from '../../../apps/command-api/src';\n",
      ),
    ).toEqual([expect.stringContaining('never imports an app')]);
  }, 60_000);

  it("lets an app import another app's index only, never its internals", async () => {
    const code = [
      "export { CommandApiModule } from '../../command-api/src';",
      "export { HttpCommandRunner } from '../../command-api/src/http/http-command.runner';",
      '',
    ].join('\n');
    expect(await violations('apps/cli/src/x.ts', code)).toEqual([expect.stringContaining('src/index.ts')]);
  }, 60_000);

  it('keeps libs/domain free of other internal libraries', async () => {
    expect(await violations('libs/domain/src/x.ts', "export { problem } from '@ledger/platform';\n")).toEqual(
      [expect.stringContaining('no other internal library')],
    );
  }, 60_000);

  it('lets tests reach into internals, and refuses a hand-built problem in app code', async () => {
    const internal =
      "export { HttpCommandRunner } from '../apps/command-api/src/http/http-command.runner';\n";
    expect(await violations('test/x.e2e-spec.ts', internal)).toEqual([]);
    const handBuilt = [
      "import { ProblemException } from '@ledger/platform';",
      "export const p = new ProblemException({ status: 404, code: 'PROJECT.NOT_FOUND', title: 'x' });",
      '',
    ].join('\n');
    expect(await violations('apps/query-api/src/x.ts', handBuilt)).toEqual([
      expect.stringContaining('Use problem(code, detail)'),
    ]);
  }, 60_000);
});
