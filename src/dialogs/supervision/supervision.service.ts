import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { SupervisionAction } from '../../cards/supervision/supervision.actions';
import {
  describeCadence,
  londonTime,
  renderMySupervisionCard,
  renderSupervisionConfirmCard,
  renderSupervisionFormCard,
  renderSupervisionReminderCard,
  supervisionReminderData,
  type SupervisionFormData,
  renderTeamSupervisionCard,
  renderSupervisionDeleteCard,
  renderSupervisionRecordedCard,
  renderSupervisionCancelCard,
} from '../../cards/supervision/supervision.cards';
import type { Clock } from '../../domain/clock';
import { hoursAndMinutes } from '../../domain/duration-text';
import { EXPECTED_SUPERVISION } from '../../domain/supervision/expectations';
import type { PcnConfig } from '../../domain/pcn-config';
import type { BankHolidayCalendar } from '../../domain/supervision/bank-holidays';
import {
  DEFAULT_REMINDERS,
  describeSessions,
  KIND_LABELS,
  LONDON,
  nextSessions,
  scheduleSchema,
  type Schedule,
  withMove,
} from '../../domain/supervision/schedule';
import {
  describeReminders,
  readReminderChoice,
  REMINDER_CHOICES,
  reminderChoices,
} from '../../domain/supervision/reminder-choices';
import { parseScheduleText } from '../../domain/supervision/schedule-text';
import { pastProblem } from '../../domain/supervision/schedule-dates';
import { formAsEntered, readScheduleForm } from './schedule-form';
import { pausedUntilText, SupervisionPause } from './supervision-pause';
import { SupervisionNudge } from './supervision-nudge';
import { UnscheduledSupervision } from './unscheduled-supervision';
import type { PersonalChat } from '../personal-chat';
import { withFirstReminder } from '../../domain/supervision/reminder-plan';
import { summariseSupervision } from '../../domain/supervision/supervision-record';
import {
  currentStartOf,
  occurrenceKey,
  occurrenceOf,
  onePerSession,
  unrecordedSessions,
} from '../../domain/supervision/session-occurrence';
import type { SupervisionRepository } from '../../store/supervision.repository';
import type { FeatureTurn } from '../feature-turn';
import type { CalendarLinks } from '../../domain/supervision/calendar';
import { calendarCard, calendarUrl } from './calendar-link';

type Action<V extends SupervisionAction['verb']> = Extract<SupervisionAction, { verb: V }>;

const MISSING_TEXT = {
  kind: 'which supervision (coaching, group coaching, clinical, or line management)',
  cadence:
    'how often (e.g. "monthly, first Tuesday", "every 4 weeks on Thursday", or dates like 2027-01-12)',
  time: 'the time (e.g. 10:00)',
};

const parsedSchema = scheduleSchema.pick({
  kind: true,
  cadence: true,
  startTime: true,
  durationMinutes: true,
});

/** Coaches' supervision: set up by plain text, records, "my supervision"; and the leads' team view. */
export class SupervisionCommands {
  constructor(
    private readonly deps: {
      supervision: SupervisionRepository;
      pcn: PcnConfig;
      clock: Clock;
      holidays: BankHolidayCalendar;
      overdueWeeks: number;
      /** Reminder offsets for new schedules (shortened in development to try reminders quickly). */
      reminderOffsets?: readonly number[];
      /** Signed links to each schedule's .ics file; without them, no calendar buttons. */
      calendar?: CalendarLinks;
      /** Coaches' 1:1 chats, for the lead's Nudge; without it, Nudge says nothing was sent. */
      personalChat?: PersonalChat;
      /** The coaches on the roster as it now stands; without it, the PCN file's. */
      coaches?: () => ReadonlyArray<{ aadObjectId: string; displayName: string }>;
    },
  ) {
    this.unscheduled = new UnscheduledSupervision(deps);
    this.pauses = new SupervisionPause(deps);
    this.nudges = new SupervisionNudge(deps);
  }

  /** Supervision recorded without a schedule: the form, and a method a text reader can call. */
  readonly unscheduled: UnscheduledSupervision;
  /** Reminders paused until a date (annual leave). */
  readonly pauses: SupervisionPause;
  /** The lead's friendly reminder to an overdue coach. */
  readonly nudges: SupervisionNudge;

  /**
   * The "Add to calendar" (or "Remove from calendar") card for a schedule just saved, moved or
   * deleted. Only in the coach's 1:1 chat: a signed link works for whoever opens it until it
   * expires, so it is never shown in a channel or group chat ("my supervision" has it in private).
   */
  private async sendCalendar(
    turn: FeatureTurn,
    schedule: Schedule,
    change: 'added' | 'removed',
  ): Promise<void> {
    const links = this.deps.calendar;
    if (links && turn.caller.conversationKind === 'personal') {
      const card = calendarCard(links, schedule, this.deps.clock.now(), turn.caller.userId, change);
      await turn.send({ attachments: [card] });
    }
  }

  /** "coaching supervision monthly, first Tuesday, 10:00": confirm what was understood, with the next three dates. */
  async setUpFromText(turn: FeatureTurn, text: string): Promise<void> {
    const now = this.deps.clock.now();
    const parsed = parseScheduleText(text, now);
    if (!parsed.ok) {
      await turn.send(
        `I couldn't tell ${parsed.missing.map((m) => MISSING_TEXT[m]).join(', or ')}. Try, for example: coaching supervision monthly, first Tuesday, 10:00`,
      );
      return;
    }
    const schedule = parsed.schedule;
    const past = pastProblem(schedule, now);
    if (past) {
      await turn.send(`${past} For example: coaching supervision on 12 January 2027 at 10:00`);
      return;
    }
    const { sessions, warning } = this.upcoming(schedule);
    await turn.send({
      attachments: [
        renderSupervisionConfirmCard({
          kind: KIND_LABELS[schedule.kind],
          when: describeCadence(schedule.cadence, schedule.startTime),
          duration: `${schedule.durationMinutes} minutes`,
          reminders: this.reminderOffsets().join(','),
          reminderChoices: reminderChoices(this.reminderOffsets()),
          sessions,
          warning,
          supervisor: '',
          place: '',
          scheduleJson: JSON.stringify(schedule),
          draftId: randomUUID(),
        }),
      ],
    });
  }

  /** The set-up form, empty or filled in from an existing schedule. */
  async form(turn: FeatureTurn, scheduleId?: string): Promise<void> {
    const coachId = turn.caller.userId;
    const existing = scheduleId
      ? (await this.deps.supervision.getSchedule(coachId, scheduleId))?.value.schedule
      : undefined;
    if (scheduleId && !existing) {
      await turn.send("I can't find that schedule among yours.");
      return;
    }
    await turn.send({
      attachments: [renderSupervisionFormCard(this.formData('', existing))],
    });
  }

  async saveForm(turn: FeatureTurn, action: Action<'supervision.form'>): Promise<void> {
    const coachId = turn.caller.userId;
    const read = readScheduleForm(action, this.deps.clock.now());
    // A changed schedule keeps its id; a new one is saved under the form's draft id, so pressing
    // Save twice (or Teams delivering the press twice) saves it once.
    const savedId = action.scheduleId || action.draftId;
    const existing = savedId
      ? await this.deps.supervision.getSchedule(coachId, savedId)
      : undefined;
    if (action.scheduleId && !existing) {
      await turn.send("I can't find that schedule among yours.");
      return;
    }
    const currentOffsets = existing?.value.schedule.reminderOffsets ?? this.reminderOffsets();
    const reminders = this.readReminders(action.reminders, currentOffsets);
    const problem = !read.ok ? read.problem : !reminders.ok ? reminders.problem : '';
    if (!read.ok || !reminders.ok) {
      await turn.send({
        attachments: [
          renderSupervisionFormCard({
            ...formAsEntered(action, this.formData(problem, existing?.value.schedule)),
            scheduleId: action.scheduleId ?? '',
            draftId: action.draftId ?? randomUUID(),
          }),
        ],
      });
      return;
    }
    const schedule: Schedule = {
      ...read.value,
      scheduleId: existing?.value.schedule.scheduleId ?? savedId ?? randomUUID(),
      coachId,
      supervisor: action.supervisor?.trim() ?? '',
      place: action.place?.trim() ?? '',
      reminderOffsets: reminders.offsets,
      paused: existing?.value.schedule.paused ?? false,
      ...(existing?.value.schedule.moves ? { moves: existing.value.schedule.moves } : {}),
      ...(existing?.value.schedule.pausedUntil
        ? { pausedUntil: existing.value.schedule.pausedUntil }
        : {}),
    };
    await this.deps.supervision.saveSchedule(
      withFirstReminder(
        { schedule, tenantId: existing?.value.tenantId ?? turn.caller.tenantId },
        this.deps.clock.now(),
        this.deps.holidays,
      ),
    );
    const { sessions, warning } = this.upcoming(schedule);
    await turn.send(
      `${action.scheduleId ? 'Changed' : 'Saved'}: ${KIND_LABELS[schedule.kind]}, ${describeCadence(schedule.cadence, schedule.startTime)}. Next: ${sessions.join('; ') || 'none'}.${warning ? ` ${warning}` : ''} Reminders: ${describeReminders(schedule.reminderOffsets)}.`,
    );
    await this.sendCalendar(turn, schedule, 'added');
  }

  private upcoming(schedule: Pick<Schedule, 'cadence' | 'startTime'>): {
    sessions: string[];
    warning: string;
  } {
    const notes = describeSessions(
      nextSessions(schedule, this.deps.clock.now(), 3),
      this.deps.holidays,
    );
    const warnings = [
      ...notes
        .filter((s) => s.bankHoliday)
        .map(
          (s) =>
            `${s.start.toFormat('d LLL yyyy')} is a bank holiday (${s.bankHoliday ?? ''}): you may want to move it.`,
        ),
      ...(notes.some((s) => s.beyondHolidayData)
        ? [
            `Bank holidays are only known up to ${this.deps.holidays.lastYear}; later dates are not checked.`,
          ]
        : []),
    ];
    return {
      sessions: notes.map(
        (s) =>
          s.start.toFormat("cccc d LLLL yyyy 'at' HH:mm") +
          (s.bankHoliday ? ' (bank holiday)' : ''),
      ),
      warning: warnings.join(' '),
    };
  }

  private formData(problem: string, existing?: Schedule): SupervisionFormData {
    const cadence = existing?.cadence;
    return {
      title: existing ? 'Change supervision' : 'Add supervision',
      problem,
      scheduleId: existing?.scheduleId ?? '',
      draftId: randomUUID(),
      kind: existing?.kind ?? 'coaching-one-to-one',
      cadenceType: cadence?.type ?? 'monthly-nth-weekday',
      nth: cadence?.type === 'monthly-nth-weekday' ? String(cadence.nth) : '1',
      weekday: cadence?.type === 'monthly-nth-weekday' ? String(cadence.weekday) : '2',
      weeks: cadence?.type === 'every-n-weeks' ? cadence.weeks : 4,
      firstDate:
        cadence?.type === 'every-n-weeks'
          ? cadence.firstDate
          : (this.deps.clock.now().setZone(LONDON).toISODate() ?? ''),
      dates: cadence?.type === 'one-off' ? cadence.dates.join(', ') : '',
      startTime: existing?.startTime ?? '10:00',
      durationMinutes: existing?.durationMinutes ?? 60,
      supervisor: existing?.supervisor ?? '',
      place: existing?.place ?? '',
      reminders: (existing?.reminderOffsets ?? this.reminderOffsets()).join(','),
      reminderChoices: reminderChoices(existing?.reminderOffsets ?? this.reminderOffsets()),
    };
  }

  /** The reminder times picked on a card; an absent field (an older card) keeps the current ones. */
  private readReminders(
    value: string | undefined,
    current: readonly number[],
  ): { ok: true; offsets: number[] } | { ok: false; problem: string } {
    if (value === undefined) {
      return { ok: true, offsets: [...current] };
    }
    return readReminderChoice(value, [...REMINDER_CHOICES, ...this.reminderOffsets(), ...current]);
  }

  async save(turn: FeatureTurn, action: Action<'supervision.save'>): Promise<void> {
    const coachId = turn.caller.userId;
    let parsed;
    try {
      parsed = parsedSchema.safeParse(JSON.parse(action.schedule));
    } catch {
      parsed = undefined;
    }
    if (!parsed?.success) {
      await turn.send(
        "That card's details are not ones I can save. Type the schedule again, e.g. coaching supervision monthly, first Tuesday, 10:00",
      );
      return;
    }
    const past = pastProblem(parsed.data, this.deps.clock.now());
    if (past) {
      await turn.send(`Not saved. ${past} Type the schedule again with the new dates.`);
      return;
    }
    const reminders = this.readReminders(action.reminders, this.reminderOffsets());
    if (!reminders.ok) {
      await turn.send(
        `${reminders.problem} Nothing was saved yet: change it on the card and press Save again.`,
      );
      return;
    }
    const schedule: Schedule = {
      ...parsed.data,
      // The confirm card's draft id: Save pressed twice saves one schedule.
      scheduleId: action.draftId ?? randomUUID(),
      coachId,
      supervisor: action.supervisor?.trim() ?? '',
      place: action.place?.trim() ?? '',
      reminderOffsets: reminders.offsets,
      paused: false,
    };
    const stored = withFirstReminder(
      { schedule, tenantId: turn.caller.tenantId },
      this.deps.clock.now(),
      this.deps.holidays,
    );
    await this.deps.supervision.saveSchedule(stored);
    const next = nextSessions(schedule, this.deps.clock.now(), 1)[0];
    await turn.send(
      `Saved: ${KIND_LABELS[schedule.kind]}, ${describeCadence(schedule.cadence, schedule.startTime)}.${next ? ` Next: ${next.toFormat("cccc d LLLL 'at' HH:mm")}.` : ''} Reminders: ${describeReminders(schedule.reminderOffsets)}.`,
    );
    await this.sendCalendar(turn, schedule, 'added');
  }

  /**
   * Attended, did not happen or moved, from any card about a session: one record per session,
   * named by its planned start wherever it was moved, so the old card of a moved session records
   * nothing and pressing again (or Teams delivering twice) replaces, never adds.
   */
  async record(turn: FeatureTurn, action: Action<'supervision.record'>): Promise<void> {
    const coachId = turn.caller.userId;
    const stored = await this.deps.supervision.getSchedule(coachId, action.scheduleId);
    if (!stored) {
      await turn.send("I can't find that schedule among yours; it may have been deleted.");
      return;
    }
    const schedule = stored.value.schedule;
    const now = this.deps.clock.now();
    const pressedFor = DateTime.fromISO(action.sessionStart, { zone: 'utc' });
    const occurrence = action.occurrence
      ? DateTime.fromISO(action.occurrence, { zone: 'utc' })
      : occurrenceOf(schedule, pressedFor);
    const current = currentStartOf(schedule, occurrence);
    let movedTo: DateTime | undefined;
    if (action.outcome === 'moved') {
      const moved = DateTime.fromISO(`${action.movedDate ?? ''}T${action.movedTime ?? ''}`, {
        zone: LONDON,
      });
      if (!moved.isValid) {
        await turn.send(
          'To record a moved session, choose the new date and time on the card, then press Moved.',
        );
        return;
      }
      if (moved <= now) {
        await turn.send(
          `${londonTime(moved.toUTC().toISO() ?? '')} has already passed. Choose a new date and time from now on, then press Moved.`,
        );
        return;
      }
      movedTo = moved.toUTC();
    }
    const label = KIND_LABELS[schedule.kind];
    const currentIso = current.toISO() ?? '';
    const settleCard = (headline: string, outcome: string): Promise<boolean> =>
      turn.updateCard?.({
        attachments: [
          renderSupervisionRecordedCard({
            headline,
            kind: label,
            when: londonTime(pressedFor.toISO() ?? ''),
            outcome,
          }),
        ],
      }) ?? Promise.resolve(false);
    if (current.toMillis() !== pressedFor.toMillis()) {
      // A card about a time the session has since been moved from.
      await turn.send(
        movedTo?.toMillis() === current.toMillis()
          ? `Recorded: ${label} on ${londonTime(occurrence.toISO() ?? '')} moved to ${londonTime(currentIso)}.`
          : `That session was moved to ${londonTime(currentIso)}, so nothing was recorded from this card.`,
      );
      await settleCard(`This session moved`, `Moved to ${londonTime(currentIso)}`);
      return;
    }
    if (action.outcome === 'missed' && current > now && action.confirmed !== 'yes') {
      await turn.send({
        attachments: [
          renderSupervisionCancelCard({
            scheduleId: schedule.scheduleId,
            sessionStart: currentIso,
            occurrence: occurrenceKey(occurrence),
            kind: label,
            when: londonTime(currentIso),
          }),
        ],
      });
      return;
    }
    if (action.outcome === 'attended' && current > now) {
      await turn.send(
        `That session has not started yet (${londonTime(currentIso)}). Record it as attended once it has started.`,
      );
      return;
    }
    await this.deps.supervision.saveRecord({
      coachId,
      scheduleId: schedule.scheduleId,
      kind: schedule.kind,
      sessionStart: occurrenceKey(occurrence),
      ...(action.outcome === 'attended' && current.toMillis() !== occurrence.toMillis()
        ? { heldAt: currentIso }
        : {}),
      outcome: action.outcome,
      durationMinutes: action.outcome === 'attended' ? schedule.durationMinutes : 0,
      movedTo: movedTo?.toISO() ?? null,
      recordedAt: now.toISO() ?? '',
    });
    if (movedTo) {
      // The new time gets its own reminders (and follow-up), like any other session. Saved after
      // the record: if this fails the user is told, and pressing Moved again repeats both safely.
      await this.deps.supervision.saveSchedule(
        withFirstReminder(
          {
            ...stored.value,
            schedule: { ...schedule, moves: withMove(schedule.moves, occurrence, movedTo) },
          },
          now,
          this.deps.holidays,
        ),
      );
    }
    const said = {
      attended: 'attended',
      missed: "didn't happen",
      moved: `moved to ${movedTo ? londonTime(movedTo.toISO() ?? '') : ''}`,
    }[action.outcome];
    await turn.send(`Recorded: ${label} on ${londonTime(currentIso)} ${said}.`);
    await settleCard(`Recorded: ${label}`, said.charAt(0).toUpperCase() + said.slice(1));
    if (movedTo) {
      // The schedule as just saved, with the move: its file shows the session at the new time.
      const moves = withMove(schedule.moves, occurrence, movedTo);
      await this.sendCalendar(turn, { ...schedule, moves }, 'added');
    }
  }

  /** The schedule's next session on a card where the coach can move it (or say it will not happen). */
  async moveNext(turn: FeatureTurn, scheduleId: string): Promise<void> {
    const stored = await this.ownSchedule(turn, scheduleId);
    if (!stored) {
      return;
    }
    const records = await this.deps.supervision.listRecords(turn.caller.userId);
    const next = unrecordedSessions(stored.value.schedule, records, this.deps.clock.now(), 1)[0];
    if (!next) {
      await turn.send('That schedule has no sessions to come.');
      return;
    }
    await turn.send({
      attachments: [
        renderSupervisionReminderCard(
          supervisionReminderData(
            stored.value.schedule,
            next.toUTC().toISO() ?? '',
            'upcoming',
            false,
          ),
        ),
      ],
    });
  }

  /** The coach's own schedule; otherwise undefined, once the user has been told why. */
  private async ownSchedule(
    turn: FeatureTurn,
    scheduleId: string,
  ): Promise<Awaited<ReturnType<SupervisionRepository['getSchedule']>>> {
    const coachId = turn.caller.userId;
    const stored = await this.deps.supervision.getSchedule(coachId, scheduleId);
    if (!stored) {
      await turn.send("I can't find that schedule among yours.");
    }
    return stored;
  }

  async snooze(turn: FeatureTurn, scheduleId: string): Promise<void> {
    const stored = await this.ownSchedule(turn, scheduleId);
    if (!stored) {
      return;
    }
    const later = this.deps.clock.now().plus({ hours: 1 });
    const current = stored.value;
    const keepCurrent =
      current.nextReminderAt !== null && DateTime.fromISO(current.nextReminderAt) < later;
    if (!keepCurrent) {
      await this.deps.supervision.replaceIfUnchanged(stored, {
        ...current,
        nextReminderAt: later.toUTC().toISO(),
        nextReminderSession:
          current.nextReminderSession ??
          nextSessions(current.schedule, this.deps.clock.now(), 1)[0]?.toUTC().toISO() ??
          null,
        nextReminderKind: current.nextReminderKind ?? 'before',
      });
    }
    await turn.send("OK, I'll remind you again in an hour.");
  }

  async pause(turn: FeatureTurn, scheduleId: string, paused: boolean): Promise<void> {
    const stored = await this.ownSchedule(turn, scheduleId);
    if (!stored) {
      return;
    }
    const schedule = { ...stored.value.schedule, paused };
    await this.deps.supervision.saveSchedule(
      withFirstReminder(
        { schedule, tenantId: stored.value.tenantId },
        this.deps.clock.now(),
        this.deps.holidays,
      ),
    );
    await turn.send(
      paused
        ? `Paused: ${KIND_LABELS[schedule.kind]}. No reminders until you resume it.`
        : `Resumed: ${KIND_LABELS[schedule.kind]}.`,
    );
  }

  /** Delete pressed: asks first, on a card with Yes and No. */
  async remove(turn: FeatureTurn, scheduleId: string): Promise<void> {
    const stored = await this.ownSchedule(turn, scheduleId);
    if (!stored) {
      return;
    }
    const { schedule } = stored.value;
    await turn.send({
      attachments: [
        renderSupervisionDeleteCard({
          scheduleId,
          kind: KIND_LABELS[schedule.kind],
          when: describeCadence(schedule.cadence, schedule.startTime),
        }),
      ],
    });
  }

  /** Yes on "Delete this schedule?": a second press finds nothing to delete and says so. */
  async removeConfirmed(turn: FeatureTurn, scheduleId: string): Promise<void> {
    const stored = await this.deps.supervision.getSchedule(turn.caller.userId, scheduleId);
    if (!stored) {
      await turn.send("I can't find that schedule among yours; it may already have been deleted.");
      return;
    }
    await this.deps.supervision.deleteSchedule(turn.caller.userId, scheduleId);
    await turn.send(
      'Deleted that schedule. Records of past sessions are kept for your supervision hours.',
    );
    const { schedule } = stored.value;
    await turn.updateCard?.({
      attachments: [
        renderSupervisionRecordedCard({
          headline: 'Schedule deleted',
          kind: KIND_LABELS[schedule.kind],
          when: describeCadence(schedule.cadence, schedule.startTime),
          outcome: 'Deleted; records of past sessions kept',
        }),
      ],
    });
    await this.sendCalendar(turn, schedule, 'removed');
  }

  /**
   * Uninstalling the app pauses that person's schedules, so nothing is sent into the void; also for
   * someone already taken off the roster.
   */
  async pauseAllFor(aadObjectId: string): Promise<number> {
    const coachId = aadObjectId.toLowerCase();
    const schedules = await this.deps.supervision.listSchedules(coachId);
    for (const stored of schedules.filter((s) => !s.schedule.paused)) {
      await this.deps.supervision.saveSchedule({
        ...stored,
        schedule: { ...stored.schedule, paused: true },
        nextReminderAt: null,
        nextReminderSession: null,
        nextReminderKind: null,
      });
    }
    return schedules.length;
  }

  async mine(turn: FeatureTurn): Promise<void> {
    const coachId = turn.caller.userId;
    const now = this.deps.clock.now();
    const [schedules, stored] = await Promise.all([
      this.deps.supervision.listSchedules(coachId),
      this.deps.supervision.listRecords(coachId),
    ]);
    const records = onePerSession(
      stored,
      schedules.map((s) => s.schedule),
    );
    const summary = summariseSupervision(records, now, this.deps.overdueWeeks);
    // "Did not happen" and sessions already recorded are not next.
    const withNext = schedules.map((s) => ({
      ...s,
      next: unrecordedSessions(s.schedule, records, now, 1)[0],
    }));
    const upcoming = withNext
      .flatMap((s) =>
        s.next && !s.schedule.paused ? [{ start: s.next, kind: s.schedule.kind }] : [],
      )
      .sort((a, b) => a.start.toMillis() - b.start.toMillis())[0];
    const [low, high] = summary.expectedHoursRange;
    await turn.send({
      attachments: [
        renderMySupervisionCard({
          last: summary.lastCoaching ? londonTime(summary.lastCoaching) : 'None recorded',
          next: upcoming
            ? `${KIND_LABELS[upcoming.kind]}, ${upcoming.start.setZone(LONDON).toFormat("ccc d LLL 'at' HH:mm")}`
            : 'Nothing scheduled',
          hours: `${hoursAndMinutes(summary.coachingMinutesLast12Months)} (expected: ${low} to ${high} hours, 1 to 2 hours a month)`,
          overdue: summary.overdue,
          overdueText: `No coaching supervision recorded in the last ${this.deps.overdueWeeks} weeks. Coaching supervision is expected monthly.`,
          pausedUntilText: pausedUntilText(schedules, now),
          today: now.setZone(LONDON).toISODate() ?? '',
          totals: summary.byKind.map((t) => ({
            kind: KIND_LABELS[t.kind],
            value: `${hoursAndMinutes(t.minutesThisMonth)} this month; ${hoursAndMinutes(t.minutesThisYear)} this year. ${EXPECTED_SUPERVISION[t.kind]}`,
          })),
          schedules: withNext.map(({ schedule, next }) => {
            const holiday = next ? this.deps.holidays.holidayOn(next) : undefined;
            return {
              scheduleId: schedule.scheduleId,
              kind: KIND_LABELS[schedule.kind],
              when: describeCadence(schedule.cadence, schedule.startTime),
              next: next
                ? `${next.setZone(LONDON).toFormat('d LLL')}${holiday ? ` (bank holiday: ${holiday})` : ''}`
                : 'none',
              canMove: next !== undefined && !schedule.paused,
              pausedText: schedule.paused
                ? ' · paused'
                : next === undefined
                  ? ' · no sessions to come: change or delete it'
                  : '',
              pauseTitle: schedule.paused ? 'Resume' : 'Pause',
              pauseTo: schedule.paused ? 'false' : 'true',
              calendarUrl: this.deps.calendar
                ? calendarUrl(this.deps.calendar, schedule, now, coachId)
                : '',
            };
          }),
        }),
      ],
    });
  }

  async team(turn: FeatureTurn): Promise<void> {
    const now = this.deps.clock.now();
    const rows = [];
    for (const coach of this.deps.coaches?.() ?? this.deps.pcn.coaches) {
      const id = coach.aadObjectId.toLowerCase();
      const [stored, schedules] = await Promise.all([
        this.deps.supervision.listRecords(id),
        this.deps.supervision.listSchedules(id),
      ]);
      const records = onePerSession(
        stored,
        schedules.map((s) => s.schedule),
      );
      const summary = summariseSupervision(records, now, this.deps.overdueWeeks);
      const next = schedules
        .filter((s) => !s.schedule.paused)
        .map((s) => unrecordedSessions(s.schedule, records, now, 1)[0])
        .filter((d): d is DateTime => d !== undefined)
        .sort((a, b) => a.toMillis() - b.toMillis())[0];
      rows.push({
        name: `${coach.displayName}${summary.overdue ? ' (overdue)' : ''}`,
        colour: summary.overdue ? ('Attention' as const) : ('Default' as const),
        last: summary.lastCoaching ? londonTime(summary.lastCoaching) : 'None recorded',
        next: next ? londonTime(next.toUTC().toISO() ?? '') : 'Nothing scheduled',
        hours: hoursAndMinutes(summary.coachingMinutesLast12Months),
        canNudge: summary.overdue,
        coachId: id,
      });
    }
    await turn.send({
      attachments: [
        renderTeamSupervisionCard({ weeks: String(this.deps.overdueWeeks), coaches: rows }),
      ],
    });
  }

  private reminderOffsets(): readonly number[] {
    return this.deps.reminderOffsets ?? DEFAULT_REMINDERS;
  }
}
