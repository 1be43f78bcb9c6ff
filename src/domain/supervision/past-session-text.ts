import { DateTime } from 'luxon';
import { readDays, readTime } from '../date-text';
import { LONDON, type SupervisionKind } from './schedule';
import { kindOf, minutesOf, supervisionText } from './supervision-words';

export interface PastSession {
  kind: SupervisionKind;
  /** The day it happened, yyyy-MM-dd, London. */
  date: string;
  durationMinutes: number;
  /** HH:mm when the words gave a time ("yesterday at 2pm"). */
  startTime?: string;
}

export type PastSessionResult =
  | { ok: true; session: PastSession }
  | { ok: false; reason: 'missing'; missing: Array<'kind' | 'date' | 'duration'> }
  | { ok: false; reason: 'future'; date: string };

const TODAY_WORDS = /\b(today|this morning|this afternoon|earlier|just now|just had)\b/;

/**
 * The day the words give. A weekday or a date with no year is the last one: "on Monday" said on
 * a Wednesday is two days ago; "12 December" said on 2 December is last December.
 */
function dayOf(text: string, now: DateTime): string | undefined {
  const today = now.setZone(LONDON).toISODate() ?? '';
  const day = readDays(text, now, false)[0];
  if (!day) {
    return TODAY_WORDS.test(text) ? today : undefined;
  }
  if (day.date <= today || day.yearWritten) {
    return day.date;
  }
  const back = day.weekdayOnly ? { weeks: 1 } : { years: 1 };
  return DateTime.fromISO(day.date, { zone: LONDON }).minus(back).toISODate() ?? undefined;
}

/**
 * Reads supervision that already happened, typed in plain words: "I had 90 minutes of group
 * supervision yesterday", "1 hour clinical supervision last Friday at 2pm". A day after today is
 * refused as 'future'; what the words do not say is listed as missing, never guessed.
 */
export function readPastSession(input: string, now: DateTime): PastSessionResult {
  const text = supervisionText(input);
  const kind = kindOf(text) ?? (/\b1:1\b/.test(text) ? 'coaching-one-to-one' : undefined);
  const date = dayOf(text, now);
  const durationMinutes = minutesOf(text);
  const missing: Array<'kind' | 'date' | 'duration'> = [];
  if (!kind) {
    missing.push('kind');
  }
  if (!date) {
    missing.push('date');
  }
  if (!durationMinutes) {
    missing.push('duration');
  }
  if (!kind || !date || !durationMinutes) {
    return { ok: false, reason: 'missing', missing };
  }
  if (date > (now.setZone(LONDON).toISODate() ?? '')) {
    return { ok: false, reason: 'future', date };
  }
  const startTime = readTime(text, now);
  return {
    ok: true,
    session: { kind, date, durationMinutes, ...(startTime ? { startTime } : {}) },
  };
}
