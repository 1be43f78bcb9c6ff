import { createHash, randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { SupervisionAction } from '../../cards/supervision/supervision.actions';
import {
  renderSupervisionPastCard,
  type SupervisionPastData,
} from '../../cards/supervision/supervision.cards';
import type { Clock } from '../../domain/clock';
import { hoursAndMinutes } from '../../domain/duration-text';
import {
  KIND_LABELS,
  LONDON,
  SUPERVISION_KINDS,
  type SupervisionKind,
} from '../../domain/supervision/schedule';
import { UNSCHEDULED } from '../../domain/supervision/supervision-record';
import type { SupervisionRepository } from '../../store/supervision.repository';
import type { FeatureTurn } from '../feature-turn';

type PastAction = Extract<SupervisionAction, { verb: 'supervision.recordPast' }>;

/** Supervision that happened without a schedule, or before one was set up. */
export interface UnscheduledSession {
  kind: SupervisionKind;
  /** ISO date (London), today or earlier. */
  date: string;
  durationMinutes: number;
}

/** A version-4-shaped UUID made from `key`: the same message always gives the same form id. */
function uuidFrom(key: string): string {
  const h = createHash('sha256').update(key).digest('hex');
  const variant = '89ab'.charAt(parseInt(h.charAt(16), 16) % 4);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Records supervision that was not scheduled ("I had 90 minutes of group supervision yesterday"),
 * from the form or, once wired, from a text reader. One record per form (its draft id) or per
 * message (its activity key), so pressing twice or a redelivery records it once.
 */
export class UnscheduledSupervision {
  constructor(private readonly deps: { supervision: SupervisionRepository; clock: Clock }) {}

  async form(turn: FeatureTurn): Promise<void> {
    const today = this.today();
    await turn.send({
      attachments: [
        renderSupervisionPastCard({
          problem: '',
          draftId: randomUUID(),
          kind: 'coaching-one-to-one',
          date: today,
          today,
          durationMinutes: 60,
        }),
      ],
    });
  }

  /**
   * Supervision read from a message, on the form filled in, to check and press Record: nothing is
   * saved until then. The form's draft id comes from the message, so a redelivered message shows
   * the same form and pressing Record on either records the session once.
   */
  async confirm(turn: FeatureTurn, session: UnscheduledSession): Promise<void> {
    await turn.send({
      attachments: [
        renderSupervisionPastCard({
          problem: '',
          draftId: uuidFrom(turn.activityKey),
          kind: session.kind,
          date: session.date,
          today: this.today(),
          durationMinutes: session.durationMinutes,
        }),
      ],
    });
  }

  async fromForm(turn: FeatureTurn, action: PastAction): Promise<void> {
    const kind = SUPERVISION_KINDS.find((k) => k === action.kind);
    const date = (action.date ?? '').trim();
    const minutes = /^\s*\d+\s*$/.test(String(action.durationMinutes ?? ''))
      ? Number(action.durationMinutes)
      : Number.NaN;
    const problems = [
      ...(kind ? [] : ['Supervision: Choose which supervision it was.']),
      ...this.dateProblems(date),
      ...(Number.isInteger(minutes) && minutes >= 15 && minutes <= 480
        ? []
        : ['Minutes: Enter how long it lasted in minutes, from 15 to 480.']),
    ];
    if (!kind || problems.length > 0) {
      const shown: SupervisionPastData = {
        problem: `Not recorded. ${problems.join(' ')}`,
        draftId: action.draftId,
        kind: action.kind ?? 'coaching-one-to-one',
        date,
        today: this.today(),
        durationMinutes: Number.isNaN(minutes) ? 60 : minutes,
      };
      await turn.send({ attachments: [renderSupervisionPastCard(shown)] });
      return;
    }
    await this.record(turn, { kind, date, durationMinutes: minutes }, action.draftId);
  }

  /**
   * Records one session; `id` names it (the form's draft id; by default this message), so the
   * same submit twice records it once. Refuses a future date or a length out of range.
   */
  async record(
    turn: FeatureTurn,
    session: UnscheduledSession,
    id = createHash('sha256').update(turn.activityKey).digest('hex').slice(0, 32),
  ): Promise<void> {
    const problems = this.dateProblems(session.date);
    if (problems.length > 0 || session.durationMinutes < 15 || session.durationMinutes > 480) {
      await turn.send(
        `Not recorded. ${[...problems, ...(problems.length === 0 ? ['It must have lasted from 15 minutes to 8 hours.'] : [])].join(' ')}`,
      );
      return;
    }
    const day = DateTime.fromISO(session.date, { zone: LONDON }).startOf('day');
    await this.deps.supervision.saveRecord({
      coachId: turn.caller.userId,
      scheduleId: `${UNSCHEDULED}-${id}`,
      kind: session.kind,
      sessionStart: day.toUTC().toISO() ?? '',
      outcome: 'attended',
      durationMinutes: session.durationMinutes,
      movedTo: null,
      recordedAt: this.deps.clock.now().toUTC().toISO() ?? '',
    });
    await turn.send(
      `Recorded: ${KIND_LABELS[session.kind]}, ${hoursAndMinutes(session.durationMinutes)} on ${day.toFormat('cccc d LLLL yyyy')}. It counts towards your supervision hours.`,
    );
  }

  private today(): string {
    return this.deps.clock.now().setZone(LONDON).toISODate() ?? '';
  }

  private dateProblems(date: string): string[] {
    const parsed = DateTime.fromISO(date, { zone: LONDON });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !parsed.isValid) {
      return ['Date: Enter the date as day, month and year.'];
    }
    if (date > this.today()) {
      return ['Date: Enter a date that is today or earlier.'];
    }
    return [];
  }
}
