import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStandaloneApp } from '../standalone.app';
import { buildOpenApiDocument } from './openapi.document';

/**
 * The OpenAPI document of the standalone app as pretty JSON, built from the code without listening or
 * touching ./data (a throwaway data dir, no relay/projector), so `npm run openapi` and the test agree.
 */
export async function generateOpenApiJson(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-openapi-'));
  const app = await createStandaloneApp({
    dataDir,
    apiKeys: 'admin:openapi-generator-key',
    logLevel: 'silent',
    relayEnabled: false,
    projectorEnabled: false,
    amqpCommandsEnabled: false,
  });
  try {
    await app.init();
    return `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`;
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
