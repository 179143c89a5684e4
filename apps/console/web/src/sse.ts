import { authHeaders } from './api';

export interface ProjectChange {
  position: number;
  projectId: string;
  eventType: string;
  revision: number;
  status: string;
}

export type LiveState = 'connecting' | 'live' | 'retrying' | 'signed-out';

/**
 * Follows GET /projects/updates. EventSource cannot send an Authorization header, and a key in the URL
 * would end up in logs and history, so this reads the Server-Sent Events stream with fetch (which can)
 * and parses it here. On a dropped connection it reconnects after a pause with Last-Event-ID, so no
 * change is missed. Returns a function that stops it.
 */
export function followChanges(
  onChange: (change: ProjectChange) => void,
  onState: (state: LiveState) => void,
): () => void {
  const abort = new AbortController();
  let lastEventId: string | undefined;

  const run = async (): Promise<void> => {
    while (!abort.signal.aborted) {
      onState('connecting');
      try {
        const headers: Record<string, string> = { Accept: 'text/event-stream', ...authHeaders() };
        if (lastEventId) headers['Last-Event-ID'] = lastEventId;
        const response = await fetch('/projects/updates', { headers, signal: abort.signal });
        if (response.status === 401 || response.status === 403) return onState('signed-out');
        if (!response.ok || !response.body) throw new Error(`status ${response.status}`);
        onState('live');
        await readEvents(response.body, (id, type, data) => {
          if (id) lastEventId = id;
          if (type === 'project-changed') onChange(JSON.parse(data) as ProjectChange);
        });
      } catch {
        if (abort.signal.aborted) return;
      }
      onState('retrying');
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }
  };
  void run();
  return () => abort.abort();
}

/** The SSE wire format: fields per line, an empty line ends an event, lines starting with ':' are comments. */
async function readEvents(
  body: ReadableStream<Uint8Array>,
  emit: (id: string | undefined, type: string, data: string) => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let id: string | undefined;
  let type = 'message';
  let data: string[] = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + (buffer.startsWith('\r\n', end) ? 2 : 1));
      if (line === '') {
        if (data.length > 0) emit(id, type, data.join('\n'));
        type = 'message';
        data = [];
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') id = text;
      else if (field === 'event') type = text;
      else if (field === 'data') data.push(text);
    }
  }
}
