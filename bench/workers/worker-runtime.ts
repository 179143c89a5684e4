// `never`: any handler taking one typed payload fits; the payload arrives untyped over IPC.
type Handler = (payload: never) => unknown;

/**
 * The worker side of WorkerProcess: answers `{id, kind, payload}` messages with the named handler's value.
 * `exit` runs the optional cleanup, reports peak RSS (process-wide, so it covers every phase) and exits.
 */
export function serveWorker(
  handlers: Record<string, Handler>,
  cleanup: () => unknown = () => undefined,
): void {
  process.on('message', async (message: { id: number; kind: string; payload: unknown }) => {
    const reply = (body: object) => process.send!({ id: message.id, ...body });
    try {
      if (message.kind === 'exit') {
        await cleanup();
        reply({ ok: true, value: { maxRssKb: process.resourceUsage().maxRSS } });
        setTimeout(() => process.exit(0), 20);
        return;
      }
      const handler = handlers[message.kind];
      if (!handler) throw new Error(`no handler ${message.kind}`);
      reply({ ok: true, value: await handler(message.payload as never) });
    } catch (error) {
      reply({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
  process.on('disconnect', () => process.exit(0));
}
