import { DateTime } from 'luxon';

/** The one way code reads the time, so tests can fix it. Always UTC. */
export interface Clock {
  now(): DateTime;
}

export const systemClock: Clock = {
  now: () => DateTime.utc(),
};

export function fixedClock(
  iso: string,
): Clock & { set(iso: string): void; advance(minutes: number): void } {
  let current = DateTime.fromISO(iso, { zone: 'utc' });
  if (!current.isValid) {
    throw new RangeError(`fixedClock: not an ISO date-time: ${iso}`);
  }
  return {
    now: () => current,
    set: (next: string) => {
      current = DateTime.fromISO(next, { zone: 'utc' });
    },
    advance: (minutes: number) => {
      current = current.plus({ minutes });
    },
  };
}
