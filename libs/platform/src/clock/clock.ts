export const CLOCK = Symbol('CLOCK');

/** The only place the apps read the time, so tests can fix it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
