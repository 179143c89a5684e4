/** Milliseconds on a clock comparable across processes of this machine, with sub-millisecond resolution. */
export const wallNow = (): number => performance.timeOrigin + performance.now();
