import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateOpenApiJson } from '../apps/standalone/src/openapi/openapi.generate';

/** `npm run openapi`: writes docs/openapi.json from the code (a test keeps the file equal to the code). */
async function main(): Promise<void> {
  const target = resolve(process.cwd(), process.argv[2] ?? 'docs/openapi.json');
  writeFileSync(target, await generateOpenApiJson());
  process.stderr.write(`Wrote ${target}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
