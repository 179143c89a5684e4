/** What every accepted command answers, over HTTP and AMQP alike. */
export interface CommandResult {
  projectId: string;
  /** The project stream's revision after the command: use it as If-Match for the next one. */
  revision: number;
  /** Global position of the last event written: pass it as minPosition to read your own write. */
  position: number;
}
