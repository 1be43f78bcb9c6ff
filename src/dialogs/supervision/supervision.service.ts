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
} from '../../cards/supervision/supervision.cards';
import type { Clock } from '../../domain/clock';
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
import { withFirstReminder } from '../../domain/supervision/reminder-plan';
import { summariseSupervision } from '../../domain/supervision/supervision-record';
import type { SupervisionRepository } from '../../store/supervision.repository';
import type { FeatureTurn } from '../feature-turn';

type Action<V extends SupervisionAction['verb']> = Extract<SupervisionAction, { verb: V }>;

/** The form's inputs (strings) into a schedule's timing, or what to fix. */
export function readScheduleForm(
  action: Action<'supervision.form'>,
):
  | { ok: true; value: Pick<Schedule, 'kind' | 'cadence' | 'startTime' | 'durationMinutes'> }
  | { ok: false; problem: string } {
  const cadence =
    action.cadenceType === 'every-n-weeks'
      ? { type: 'every-n-weeks', weeks: Number(action.weeks), firstDate: action.firstDate ?? '' }
      : action.cadenceType === 'one-off'
        ? {
            type: 'one-off',
            dates: (action.dates ?? '')
              .split(',')
              .map((d) => d.trim())
              .filter((d) => d.length > 0),
          }
        : { type: 'monthly-nth-weekday', nth: Number(action.nth), weekday: Number(action.weekday) };
  const parsed = scheduleSchema
    .pick({ kind: true, cadence: true, startTime: true, durationMinutes: true })
    .safeParse({
      kind: action.kind,
      cadence,
      startTime: action.startTime,
      durationMinutes: Number(action.durationMinutes),
    });
  if (!parsed.success) {
    const labels: Record<string, string> = {
      kind: 'Supervision',
      cadence: 'How often',
      startTime: 'Time',
      durationMinutes: 'Minutes',
    };
    return {
      ok: false,
      problem: `Not saved. ${parsed.error.issues.map((i) => `${labels[String(i.path[0])] ?? String(i.path[0])}: ${i.message}`).join(' ')}`,
    };
  }
  return { ok: true, value: parsed.data };
}

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
      /** The coaches on the roster as it now stands; without it, the PCN file's. */
      coaches?: () => ReadonlyArray<{ aadObjectId: string; displayName: string }>;
    },
  ) {}

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
    const read = readScheduleForm(action);
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
            ...this.formData(problem, existing?.value.schedule),
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
  }

  async record(turn: FeatureTurn, action: Action<'supervision.record'>): Promise<void> {
    const coachId = turn.caller.userId;
    const stored = await this.deps.supervision.getSchedule(coachId, action.scheduleId);
    if (!stored) {
      await turn.send("I can't find that schedule among yours; it may have been deleted.");
      return;
    }
    let movedTo: string | null = null;
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
      movedTo = moved.toUTC().toISO();
    }
    const schedule = stored.value.schedule;
    // One record per session: pressing again (or Teams delivering twice) replaces, never adds.
    await this.deps.supervision.saveRecord({
      coachId,
      scheduleId: schedule.scheduleId,
      kind: schedule.kind,
      sessionStart:
        DateTime.fromISO(action.sessionStart, { zone: 'utc' }).toISO() ?? action.sessionStart,
      outcome: action.outcome,
      durationMinutes: action.outcome === 'attended' ? schedule.durationMinutes : 0,
      movedTo,
      recordedAt: this.deps.clock.now().toISO() ?? '',
    });
    if (movedTo) {
      // The new time gets its own reminders (and follow-up), like any other session. Saved after
      // the record: if this fails the user is told, and pressing Moved again repeats both safely.
      await this.deps.supervision.saveSchedule(
        withFirstReminder(
          {
            ...stored.value,
            schedule: {
              ...schedule,
              moves: withMove(
                schedule.moves,
                DateTime.fromISO(action.sessionStart, { zone: 'utc' }),
                DateTime.fromISO(movedTo, { zone: 'utc' }),
              ),
            },
          },
          this.deps.clock.now(),
          this.deps.holidays,
        ),
      );
    }
    const said = {
      attended: 'attended',
      missed: "didn't happen",
      moved: `moved to ${movedTo ? londonTime(movedTo) : ''}`,
    }[action.outcome];
    await turn.send(
      `Recorded: ${KIND_LABELS[schedule.kind]} on ${londonTime(action.sessionStart)} ${said}.`,
    );
  }

  /** The schedule's next session on a card where the coach can move it (or say it will not happen). */
  async moveNext(turn: FeatureTurn, scheduleId: string): Promise<void> {
    const stored = await this.ownSchedule(turn, scheduleId);
    if (!stored) {
      return;
    }
    const next = nextSessions(stored.value.schedule, this.deps.clock.now(), 1)[0];
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

  async remove(turn: FeatureTurn, scheduleId: string): Promise<void> {
    const stored = await this.ownSchedule(turn, scheduleId);
    if (!stored) {
      return;
    }
    await this.deps.supervision.deleteSchedule(turn.caller.userId, scheduleId);
    await turn.send(
      'Deleted that schedule. Records of past sessions are kept for your supervision hours.',
    );
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
    const [schedules, records] = await Promise.all([
      this.deps.supervision.listSchedules(coachId),
      this.deps.supervision.listRecords(coachId),
    ]);
    const summary = summariseSupervision(records, now, this.deps.overdueWeeks);
    const withNext = schedules.map((s) => ({ ...s, next: nextSessions(s.schedule, now, 1)[0] }));
    const upcoming = withNext
      .flatMap((s) =>
        s.next && !s.schedule.paused ? [{ start: s.next, kind: s.schedule.kind }] : [],
      )
      .sort((a, b) => a.start.toMillis() - b.start.toMillis())[0];
    await turn.send({
      attachments: [
        renderMySupervisionCard({
          last: summary.lastCoaching ? londonTime(summary.lastCoaching) : 'None recorded',
          next: upcoming
            ? `${KIND_LABELS[upcoming.kind]}, ${upcoming.start.toFormat("ccc d LLL 'at' HH:mm")}`
            : 'Nothing scheduled',
          hours: `${summary.coachingHoursLast12Months} hour${summary.coachingHoursLast12Months === 1 ? '' : 's'} (expected: ${summary.expectedHoursRange[0]} to ${summary.expectedHoursRange[1]}, 1 to 2 hours a month)`,
          overdue: summary.overdue,
          overdueText: `No coaching supervision recorded in the last ${this.deps.overdueWeeks} weeks. Coaching supervision is expected monthly.`,
          schedules: withNext.map(({ schedule, next }) => {
            const holiday = next ? this.deps.holidays.holidayOn(next) : undefined;
            return {
              scheduleId: schedule.scheduleId,
              kind: KIND_LABELS[schedule.kind],
              when: describeCadence(schedule.cadence, schedule.startTime),
              next: next
                ? `${next.toFormat('d LLL')}${holiday ? ` (bank holiday: ${holiday})` : ''}`
                : 'none',
              canMove: next !== undefined && !schedule.paused,
              pausedText: schedule.paused ? ' · paused' : '',
              pauseTitle: schedule.paused ? 'Resume' : 'Pause',
              pauseTo: schedule.paused ? 'false' : 'true',
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
      const [records, schedules] = await Promise.all([
        this.deps.supervision.listRecords(id),
        this.deps.supervision.listSchedules(id),
      ]);
      const summary = summariseSupervision(records, now, this.deps.overdueWeeks);
      const next = schedules
        .filter((s) => !s.schedule.paused)
        .map((s) => nextSessions(s.schedule, now, 1)[0])
        .filter((d): d is DateTime => d !== undefined)
        .sort((a, b) => a.toMillis() - b.toMillis())[0];
      rows.push({
        name: `${coach.displayName}${summary.overdue ? ' (overdue)' : ''}`,
        colour: summary.overdue ? ('Attention' as const) : ('Default' as const),
        last: summary.lastCoaching ? londonTime(summary.lastCoaching) : 'None recorded',
        next: next ? londonTime(next.toISO() ?? '') : 'Nothing scheduled',
        hours: String(summary.coachingHoursLast12Months),
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
