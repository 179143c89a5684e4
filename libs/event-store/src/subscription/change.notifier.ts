/** In-process "something was appended" signal, so live subscribers wake without waiting for a poll. */
export class ChangeNotifier {
  private readonly listeners = new Set<() => void>();

  /** Returns the unsubscribe function. */
  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
