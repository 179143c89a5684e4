import { BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
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
  /** Reads in flight by commit generation and start position: readers woken by one commit share a query. */
  private readonly reading = new Map<string, Promise<ProjectChange[]>>();
  /** Counts read-model commits; a query started before a commit is never shared with readers woken by it. */
  private generation = 0;

  constructor(@Inject(READ_MODEL) private readonly readModel: ReadModel) {
    // Registered before any stream's own listener, so the generation moves before readers wake.
    this.readModel.onCommit(() => (this.generation += 1));
  }

  /**
   * A page of changes after `after`. A commit wakes every open stream at once, and most of them stand at the
   * same position, so a thousand readers cost one query instead of a thousand; the shared result is read-only.
   * Only queries started since the latest commit are shared, so no reader is handed a page older than the
   * commit that woke it.
   */
  private changesAfter(after: Position): Promise<ProjectChange[]> {
    const key = `${this.generation}:${after}`;
    let page = this.reading.get(key);
    if (!page) {
      page = this.readModel.changesAfter(after, PAGE).finally(() => this.reading.delete(key));
      this.reading.set(key, page);
    }
    return page;
  }

  /** Sends every change after `after`, then live changes, until the client goes away or the app stops. */
  async stream(
    request: FastifyRequest,
    reply: FastifyReply,
    after: Position,
    checkpoint: Position,
  ): Promise<void> {
    // The stream is written to the Node response directly, with flow control; Fastify leaves it alone.
    // Headers set when the request arrived (security, correlation id) are already on it; those set on the
    // reply since (rate-limit counters, CORS) are copied over.
    const req = request.raw;
    const res = reply.raw;
    for (const [name, value] of Object.entries(reply.getHeaders()))
      if (value !== undefined) res.setHeader(name, value);
    reply.hijack();
    res.statusCode = 200;
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
        const changes = await this.changesAfter(last);
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
