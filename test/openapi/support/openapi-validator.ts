import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** Validates an OpenAPI document with @seriousme/openapi-schema-validator (in a child process: it is ESM only). */
export function validateOpenApi(document: unknown): Promise<{ valid: boolean; errors: unknown[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, 'validate-openapi.mjs')], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`validator exited with ${code}`)),
    );
    child.stdin.end(JSON.stringify(document));
  });
}
