// Tests read JSON bodies of many shapes; let `response.json()` be typed at the call site.
export {};
declare global {
  interface Response {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    json<T = any>(): Promise<T>;
  }
}
