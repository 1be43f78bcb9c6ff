import { DateTime } from 'luxon';
import type { Clock } from '../../domain/clock';
import { hoursAndMinutes } from '../../domain/duration-text';
import { readPastSession } from '../../domain/supervision/past-session-text';
import { KIND_LABELS, LONDON } from '../../domain/supervision/schedule';
import type { FeatureTurn } from '../feature-turn';
import type { UnscheduledSession } from './unscheduled-supervision';

const MISSING = {
  kind: 'which supervision it was (coaching, group coaching, clinical, or line management)',
  date: 'the day (e.g. "yesterday", "last Friday" or 12/01/2027)',
  duration: 'how long it lasted (e.g. "90 minutes" or "1 hour")',
};
const EXAMPLE = 'For example: I had 90 minutes of group supervision yesterday';

/**
 * "I had 90 minutes of group supervision yesterday": says back what was read and hands it to
 * `confirm`, which shows it on the form to check and press Record. Nothing is saved from the
 * message itself.
 */
export class PastSessionReplies {
  constructor(private readonly clock: Clock) {}

  async read(
    turn: FeatureTurn,
    text: string,
    confirm: (turn: FeatureTurn, session: UnscheduledSession) => Promise<void>,
  ): Promise<void> {
    const read = readPastSession(text, this.clock.now());
    if (!read.ok && read.reason === 'missing') {
      await turn.send(
        `I couldn't tell ${read.missing.map((m) => MISSING[m]).join(', or ')}. ${EXAMPLE}`,
      );
      return;
    }
    if (!read.ok) {
      await turn.send(
        `${day(read.date)} is still to come, so I can't count it as supervision you've had. To plan it, type for example: clinical supervision on ${DateTime.fromISO(read.date).toFormat('dd/LL/yyyy')} at 10am`,
      );
      return;
    }
    const { session } = read;
    await turn.send(
      `I read that as: ${KIND_LABELS[session.kind]}, ${day(session.date)}${session.startTime ? ` at ${session.startTime}` : ''}, ${hoursAndMinutes(session.durationMinutes)}. Check it on the card and press Record it.`,
    );
    await confirm(turn, {
      kind: session.kind,
      date: session.date,
      durationMinutes: session.durationMinutes,
    });
  }
}

const day = (iso: string): string =>
  DateTime.fromISO(iso, { zone: LONDON }).toFormat('cccc d LLLL yyyy');
