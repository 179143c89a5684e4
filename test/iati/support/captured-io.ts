import type { CliIo } from '../../../apps/cli/src/cli-io';

/** A CLI io that keeps what the command writes, with a fixed clock. */
export function capturedIo(now = new Date('2026-01-02T03:04:05Z')): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    interactive: false,
    now: () => now,
    stdout: (text: string) => {
      io.out += text;
    },
    stderr: (text: string) => {
      io.err += text;
    },
  };
  return io;
}
