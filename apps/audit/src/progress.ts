import { Presets, SingleBar } from 'cli-progress';

/** Progress on stderr for long runs only (≥ 1000 events on a terminal), so pipes and logs stay clean. */
export function progressBar(
  label: string,
  force = false,
): { update(done: number, total: number): void; stop(): void } {
  let bar: SingleBar | null = null;
  return {
    update(done, total) {
      if (!bar && total >= 1000 && (force || process.stderr.isTTY)) {
        bar = new SingleBar(
          { format: `${label} [{bar}] {value}/{total} events`, stream: process.stderr },
          Presets.shades_classic,
        );
        bar.start(total, 0);
      }
      bar?.setTotal(Math.max(total, done));
      bar?.update(done);
    },
    stop() {
      bar?.stop();
    },
  };
}
