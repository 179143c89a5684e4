import type { OnModuleDestroy } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';

interface Window {
  hits: number;
  resetsAt: number;
}

const SWEEP_EVERY_MS = 60_000;

/**
 * Fixed one-window counters for @nestjs/throttler: O(1) per request. The library's default storage keeps
 * one timestamp per request for the whole window and filters them all on every request, which cost a
 * third of a no-op endpoint's CPU under load (docs/performance.md). A fixed window admits at most twice
 * the limit across a window boundary; that is the usual trade for constant cost.
 */
export class FixedWindowThrottlerStorage implements ThrottlerStorage, OnModuleDestroy {
  private readonly windows = new Map<string, Window>();
  private readonly sweeper = setInterval(() => this.sweep(), SWEEP_EVERY_MS).unref();

  constructor(private readonly now: () => number = Date.now) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    _blockDuration: number,
    throttler: string,
  ): Promise<ThrottlerStorageRecord> {
    const now = this.now();
    const id = `${throttler}\u0000${key}`;
    let window = this.windows.get(id);
    if (!window || window.resetsAt <= now) {
      window = { hits: 0, resetsAt: now + ttl };
      this.windows.set(id, window);
    }
    // Refused requests do not count: a caller over the limit is free again when the window ends.
    if (window.hits <= limit) window.hits++;
    const isBlocked = window.hits > limit;
    const secondsLeft = Math.max(1, Math.ceil((window.resetsAt - now) / 1000));
    return {
      totalHits: window.hits,
      timeToExpire: secondsLeft,
      isBlocked,
      timeToBlockExpire: isBlocked ? secondsLeft : 0,
    };
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, window] of this.windows) if (window.resetsAt <= now) this.windows.delete(id);
  }
}
