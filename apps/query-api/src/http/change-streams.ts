import { BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Position } from '@ledger/event-store';
import { READ_MODEL, type ProjectChange, type ReadModel } from '@ledger/read-model';
import { POSITION_HEADER } from './projection-position';

const PAGE = 500;
/** Polling covers a projector in another process; in-process commits wake the stream at once. */
const POLL_MS = 1000;
const HEARTBEAT_MS = 15_000;

function sseEvent(change: ProjectChange): string {
  return `id: ${change.position}\nevent: project-changed\ndata: ${JSON.stringify(change)}\n\n`;
}

/** The open Server-Sent Event streams: each follows the changes table; all end when the app shuts down. */
@Injectable()
export class ChangeStreams implements BeforeApplicationShutdown {
  private readonly open = new Set<() => void>();

  constructor(@Inject(READ_MODEL) private readonly readModel: ReadModel) {}

  /** Sends every change after `after`, then live changes, until the client goes away or the app stops. */
  async stream(req: Request, res: Response, after: Position, checkpoint: Position): Promise<void> {
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache, no-transform');
    res.setHeader('Connection', 'keep-alive');
    res.setHeader('X-Accel-Buffering', 'no');
    res.setHeader(POSITION_HEADER, String(checkpoint));
    res.flushHeaders();
    res.write('retry: 2000\n\n');

    let last = after;
    let closed = false;
    let wake: (() => void) | null = null;
    // A commit that lands while a page is being read must not be slept through.
    let dirty = false;
    const nudge = () => {
      dirty = true;
      wake?.();
    };
    const stop = () => {
      closed = true;
      nudge();
    };
    this.open.add(stop);
    const off = this.readModel.onCommit(nudge);
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    req.on('close', stop);
    try {
      while (!closed) {
        dirty = false;
        const changes = await this.readModel.changesAfter(last, PAGE);
        for (const change of changes) res.write(sseEvent(change));
        if (changes.length > 0) last = changes[changes.length - 1].position;
        // Flow control: a client that stops reading must not make us buffer the whole changes table.
        while (res.writableNeedDrain && !closed) {
          await new Promise<void>((resolve) => {
            const done = () => {
              res.off('drain', done);
              resolve();
            };
            wake = done;
            res.on('drain', done);
          });
          wake = null;
        }
        if (changes.length === PAGE || closed || dirty) continue;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, POLL_MS);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
      }
    } catch {
      // The read model went away: end the stream; the client reconnects with Last-Event-ID.
    } finally {
      this.open.delete(stop);
      off();
      clearInterval(heartbeat);
      res.end();
    }
  }

  /** Before the HTTP server closes: open streams would otherwise keep it (and shutdown) waiting forever. */
  beforeApplicationShutdown(): void {
    for (const stop of this.open) stop();
  }
}
