import type { Client } from 'pg';
import { waitUntil } from '@ledger/event-store/testing/contract.fixtures';

/**
 * Waits until `count` sessions queue behind the open transaction of `blocker`, directly or behind one
 * another: a test that holds a lock learns from PostgreSQL itself that the statements it raced have
 * reached their wait, instead of sleeping for as long as that usually takes.
 */
export async function waitForLockWaiters(blocker: Client, count: number, what: string): Promise<void> {
  const pid = (await blocker.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0].pid;
  await waitUntil(`${what} (${count} sessions waiting behind the held lock)`, async () => {
    const { rows } = await blocker.query<{ n: string }>(
      // pg_locks, not pg_stat_activity: the blocker asks inside its transaction, which would see one
      // frozen snapshot of pg_stat_activity, while pg_locks is read live.
      `with recursive behind(pid) as (
         select pid from pg_locks where not granted and $1 = any(pg_blocking_pids(pid))
         union
         select l.pid from pg_locks l join behind b on b.pid = any(pg_blocking_pids(l.pid)) where not l.granted
       )
       select count(*) as n from behind`,
      [pid],
    );
    return Number(rows[0].n) >= count;
  });
}
