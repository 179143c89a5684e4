export interface SseMessage {
  id?: string;
  event?: string;
  data: string;
}

/** A minimal Server-Sent Events client over fetch, for tests: read the next N messages, then close. */
export function readSse(url: string, headers: Record<string, string>) {
  const abort = new AbortController();
  const queue: SseMessage[] = [];
  const wake: { waiter: (() => void) | null } = { waiter: null };
  let failure: unknown = null;
  const done = (async () => {
    const response = await fetch(url, { headers, signal: abort.signal });
    if (response.status !== 200 || !response.body)
      throw new Error(`SSE status ${response.status}: ${await response.text()}`);
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const message: SseMessage = { data: '' };
        for (const line of block.split('\n')) {
          const [field, ...rest] = line.split(':');
          const value = rest.join(':').replace(/^ /, '');
          if (field === 'id') message.id = value;
          else if (field === 'event') message.event = value;
          else if (field === 'data') message.data += value;
        }
        if (message.data) queue.push(message);
      }
      wake.waiter?.();
    }
  })().catch((error: unknown) => {
    failure = error;
    wake.waiter?.();
  });
  return {
    // The deadline only turns a lost message into a clear failure; generous, as a loaded CI machine (not
    // the code) decides how long the projector and the stream take.
    async next(count: number, timeoutMs = 15_000): Promise<SseMessage[]> {
      const deadline = Date.now() + timeoutMs;
      while (queue.length < count) {
        if (failure && !abort.signal.aborted) throw failure;
        if (Date.now() > deadline)
          throw new Error(`timed out waiting for ${count} SSE messages (got ${queue.length})`);
        await new Promise<void>((resolve) => {
          wake.waiter = resolve;
          setTimeout(resolve, 100);
        });
      }
      return queue.splice(0, count);
    },
    close(): Promise<void> {
      abort.abort();
      return done;
    },
  };
}
