import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs a TypeScript file of the repo in its own Node process (compiled on the fly, path aliases resolved). */
export function runTsChild(
  file: string,
  env: Record<string, string>,
  args: string[] = [],
): { exit: Promise<ChildExit>; pid: number | undefined } {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', file, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<ChildExit>((done, fail) => {
    child.on('error', fail);
    child.on('exit', (code, signal) => done({ code, signal, stdout, stderr }));
  });
  return { exit, pid: child.pid };
}
