import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One RabbitMQ-using test file at a time: the broker-restart suite stops the whole broker, which would
 * break any other AMQP test running alongside it. Every AMQP suite of ours takes this lock in beforeAll.
 * A lock left by a dead process (its pid is gone) is taken over.
 */
export const BROKER_LOCK_DIR = '/tmp/project-ledger-rabbitmq.lock';

function ownerAlive(): boolean {
  try {
    const pid = Number(readFileSync(join(BROKER_LOCK_DIR, 'pid'), 'utf8'));
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function acquireBrokerLock(timeoutMs = 180_000): Promise<() => void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      mkdirSync(BROKER_LOCK_DIR);
      writeFileSync(join(BROKER_LOCK_DIR, 'pid'), String(process.pid));
      return () => rmSync(BROKER_LOCK_DIR, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    // The owner may be between mkdir and writing its pid: only a readable pid of a dead process is stale.
    let stale = false;
    try {
      readFileSync(join(BROKER_LOCK_DIR, 'pid'), 'utf8');
      stale = !ownerAlive();
    } catch {
      stale = false;
    }
    if (stale) rmSync(BROKER_LOCK_DIR, { recursive: true, force: true });
    if (Date.now() > deadline)
      throw new Error(`broker lock ${BROKER_LOCK_DIR} still held after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
