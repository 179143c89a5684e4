import type { EventStore, Position, RecordedEvent } from '@ledger/event-store';
import { sha256Hex } from '../chain/hash-chain';

export interface StreamHead {
  revision: number;
  hash: string;
}

/** The last revision and hash of every stream, fed events in log order. */
export class StreamHeads {
  private readonly heads = new Map<string, StreamHead>();

  accept(event: Pick<RecordedEvent, 'streamId' | 'revision' | 'metadata'>): void {
    const hash = typeof event.metadata?.hash === 'string' ? event.metadata.hash : '';
    this.heads.set(event.streamId, { revision: event.revision, hash });
  }

  get(streamId: string): StreamHead | undefined {
    return this.heads.get(streamId);
  }

  clone(): StreamHeads {
    const copy = new StreamHeads();
    for (const [id, head] of this.heads) copy.heads.set(id, head);
    return copy;
  }

  get size(): number {
    return this.heads.size;
  }

  /** `streamId:revision:hash` per stream, sorted by stream id (UTF-16 code units). */
  lines(): string[] {
    return [...this.heads.entries()].map(([id, h]) => `${id}:${h.revision}:${h.hash}`).sort();
  }

  digest(): string {
    return headsDigest(this.lines());
  }
}

/** SHA-256 (hex) of the sorted head lines, each followed by "\n". */
export function headsDigest(lines: readonly string[]): string {
  return sha256Hex(lines.map((line) => `${line}\n`).join(''));
}

/** Heads of every stream as of global position `upTo` (inclusive), read page by page. */
export async function collectHeads(store: EventStore, upTo: Position, pageSize = 1000): Promise<StreamHeads> {
  const heads = new StreamHeads();
  let after = 0;
  while (after < upTo) {
    const page = await store.readAll({ fromPosition: after, limit: pageSize });
    if (page.length === 0) break;
    for (const event of page) {
      if (event.position > upTo) return heads;
      heads.accept(event);
    }
    after = page[page.length - 1].position;
  }
  return heads;
}
