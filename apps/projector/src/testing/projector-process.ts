import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { ReadModelConfig } from '@ledger/read-model';

const ROOT = join(__dirname, '../../../..');

export interface ProjectorProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

/** Runs `npm run projector -- <args>` as its own process (node + @swc-node/register, like the npm script). */
export function startProjectorProcess(
  args: string[],
  config: ReadModelConfig,
  env: Record<string, string> = {},
): ProjectorProcess {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/projector/src/main.ts', ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR: config.dataDir,
      READ_MODEL: config.readModel,
      DATABASE_URL: config.databaseUrl,
      READ_MODEL_SCHEMA: config.readModelSchema ?? '',
      EVENT_STORE: 'sqlite',
      LOG_LEVEL: 'error',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

export async function runProjectorCommand(
  args: string[],
  config: ReadModelConfig,
): Promise<{ code: number | null; output: string }> {
  const process = startProjectorProcess(args, config);
  const code = await process.exited;
  return { code, output: process.output() };
}
