import { DateTime } from 'luxon';

/**
 * "Now" for the identifier guard's tests: 10:00 on Sunday 15 November 2026 in London. Whether a
 * date reads as a date of birth (more than ten years ago) is measured from it.
 */
export const GUARD_NOW = DateTime.fromISO('2026-11-15T10:00:00', { zone: 'Europe/London' });
