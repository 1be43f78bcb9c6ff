import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import type { SessionLogAction } from '../../cards/session-log/session-log.actions';
import {
  renderCaseloadCard,
  renderSessionLogCard,
  type SessionLogCardData,
} from '../../cards/session-log/session-log.cards';
import type { Clock } from '../../domain/clock';
import { hoursAndMinutes } from '../../domain/duration-text';
import { activityReport } from '../../domain/sessions/activity-report';
import { feedbackMonthFor, feedbackReportFacts } from '../../domain/referral-loop/feedback-report';
import {
  summariseFeedback,
  type ReferrerFeedback,
} from '../../domain/referral-loop/referrer-feedback';
import {
  canChange,
  sessionLogInputSchema,
  summariseCaseload,
  type CaseloadSummary,
  type SessionLog,
  type SessionLogInput,
} from '../../domain/sessions/session-log';
import type { ReferralRecordRepository } from '../../store/referral-record.repository';
import type { SessionLogRepository } from '../../store/session-log.repository';
import type { FeatureTurn } from '../feature-turn';

type SaveAction = Extract<SessionLogAction, { verb: 'session.save' }>;

export interface ActivityReportLinks {
  activityCsv(tenantId: string, month: string, user: string): string;
}

const LONDON = 'Europe/London';

function numberOrNull(value: string | number | undefined): number | null {
  if (value === undefined || value === '' || value === 'none') {
    return null;
  }
  const n = Number(value);
  return Number.isFinite(n) ? n : Number.NaN;
}

/** The counts the caseload card and the activity report both give. */
function sessionFacts(s: CaseloadSummary): Array<{ title: string; value: string }> {
  return [
    { title: 'Sessions logged', value: String(s.sessions) },
    { title: 'Attended', value: `${s.attended} (${hoursAndMinutes(s.minutes)})` },
    { title: 'Did not attend', value: String(s.didNotAttend) },
  ];
}

/** Card inputs (all strings) into the typed entry, or the problems to show. */
export function readSessionInput(
  action: SaveAction,
): { ok: true; input: SessionLogInput } | { ok: false; problem: string } {
  const ons = [
    action.onsSatisfaction,
    action.onsWorthwhile,
    action.onsHappiness,
    action.onsAnxiety,
  ].map(numberOrNull);
  const anyOns = ons.some((v) => v !== null);
  const candidate = {
    date: action.date ?? '',
    durationMinutes: numberOrNull(action.durationMinutes),
    mode: action.mode,
    format: action.format,
    groupSize: action.format === 'group' ? numberOrNull(action.groupSize) : null,
    sessionType: action.sessionType && action.sessionType !== 'none' ? action.sessionType : null,
    // Teams shows an empty number box as 0: 0 means "not given".
    sessionNumber: numberOrNull(action.sessionNumber) || null,
    attended: action.attended !== 'no',
    referralSource: action.referralSource,
    pamLevel: numberOrNull(action.pamLevel),
    ons4: anyOns
      ? { satisfaction: ons[0], worthwhile: ons[1], happiness: ons[2], anxiety: ons[3] }
      : null,
    caseloadRef: action.caseloadRef?.trim() ? action.caseloadRef.trim() : null,
  };
  const parsed = sessionLogInputSchema.safeParse(candidate);
  if (parsed.success) {
    return { ok: true, input: parsed.data };
  }
  const labels: Record<string, string> = {
    ons4: 'ONS4 scores (give all four, 0 to 10)',
    caseloadRef: 'Caseload reference',
    durationMinutes: 'Minutes',
    groupSize: 'Group size',
    sessionType: 'Session',
    date: 'Date',
  };
  return {
    ok: false,
    problem: parsed.error.issues
      .map((i) => `${labels[String(i.path[0])] ?? String(i.path[0])}: ${i.message}`)
      .join(' '),
  };
}

/** Coaches log sessions and see their caseload; leads see monthly aggregates, never individual logs. */
export class SessionLogCommands {
  constructor(
    private readonly deps: {
      logs: SessionLogRepository;
      referrals: ReferralRecordRepository;
      clock: Clock;
      editDays: number;
      links: ActivityReportLinks;
      /** Referrers' feedback (#13), shown on the report with small numbers hidden. */
      feedback?: { listMonth(month: string): Promise<ReferrerFeedback[]>; threshold: number };
    },
  ) {}

  async start(turn: FeatureTurn, problem = '', previous?: SaveAction, logId = ''): Promise<void> {
    await turn.send({
      attachments: [renderSessionLogCard(this.cardData(problem, previous, logId))],
    });
  }

  async save(turn: FeatureTurn, action: SaveAction): Promise<void> {
    const coachId = turn.caller.userId;
    const read = readSessionInput(action);
    if (!read.ok) {
      await turn.send({
        attachments: [
          renderSessionLogCard(
            this.cardData(`Not saved. ${read.problem}`, action, action.logId ?? ''),
          ),
        ],
      });
      return;
    }
    const now = this.deps.clock.now();
    if (read.input.date > (now.setZone(LONDON).toISODate() ?? '')) {
      await turn.send({
        attachments: [
          renderSessionLogCard(
            this.cardData(
              'Not saved. Date: a session can only be logged once it has happened.',
              action,
              action.logId ?? '',
            ),
          ),
        ],
      });
      return;
    }
    if (action.logId) {
      const existing = await this.changeableLog(turn, coachId, action.logId, 'change');
      if (!existing) {
        return;
      }
      await this.deps.logs.replace({
        ...existing,
        month: read.input.date.slice(0, 7),
        entry: read.input,
      });
      await turn.send('Updated.');
      return;
    }
    // The id comes from the activity, so Teams delivering the same submit twice makes one log.
    const logId = createHash('sha256').update(turn.activityKey).digest('hex').slice(0, 32);
    const log: SessionLog = {
      logId,
      coachId,
      tenantId: turn.caller.tenantId,
      month: read.input.date.slice(0, 7),
      createdAt: now.toISO() ?? '',
      entry: read.input,
    };
    const added = await this.deps.logs.add(log);
    await turn.send(
      added
        ? `Logged: ${DateTime.fromISO(read.input.date).toFormat('d LLL')}, ${read.input.durationMinutes} minutes, ${read.input.attended ? 'attended' : 'did not attend'}. Type 'my caseload' to see this month.`
        : 'That session was already logged.',
    );
  }

  /** The log card again, filled in, to change one of your own recent logs. */
  async edit(turn: FeatureTurn, logId: string): Promise<void> {
    const coachId = turn.caller.userId;
    const existing = await this.changeableLog(turn, coachId, logId, 'change');
    if (!existing) {
      return;
    }
    const e = existing.entry;
    const previous: SaveAction = {
      verb: 'session.save',
      date: e.date,
      durationMinutes: e.durationMinutes,
      mode: e.mode,
      format: e.format,
      ...(e.groupSize === null ? {} : { groupSize: e.groupSize }),
      sessionType: e.sessionType ?? 'none',
      ...(e.sessionNumber === null ? {} : { sessionNumber: e.sessionNumber }),
      attended: e.attended ? 'yes' : 'no',
      referralSource: e.referralSource,
      pamLevel: e.pamLevel === null ? 'none' : String(e.pamLevel),
    };
    await turn.send({
      attachments: [
        renderSessionLogCard({
          ...this.cardData('', previous, logId),
          caseloadRef: e.caseloadRef ?? '',
        }),
      ],
    });
  }

  async remove(turn: FeatureTurn, logId: string): Promise<void> {
    const coachId = turn.caller.userId;
    if (!(await this.changeableLog(turn, coachId, logId, 'delete'))) {
      return;
    }
    await this.deps.logs.remove(coachId, logId);
    await turn.send('Deleted that log.');
  }

  async caseload(turn: FeatureTurn): Promise<void> {
    const coachId = turn.caller.userId;
    const { now, month } = this.thisMonth();
    const logs = await this.deps.logs.listForCoach(coachId, month);
    const s = summariseCaseload(logs);
    await this.sendCaseloadCard(turn, {
      title: `My caseload: ${now.toFormat('LLLL yyyy')}`,
      subtitle: '',
      facts: [
        ...sessionFacts(s),
        {
          title: 'Phone / video / face to face',
          value: `${s.byMode.phone} / ${s.byMode.video} / ${s.byMode['face-to-face']}`,
        },
        { title: '1:1 / group', value: `${s.byFormat['one-to-one']} / ${s.byFormat.group}` },
        {
          title: 'First / follow-up / final',
          value: `${s.byType.first} / ${s.byType.followUp} / ${s.byType.final}`,
        },
      ],
      logs: logs
        .filter((l) => canChange(l, coachId, now, this.deps.editDays))
        .sort((a, b) => b.entry.date.localeCompare(a.entry.date))
        .slice(0, 5)
        .map((l) => ({
          logId: l.logId,
          summary: `${DateTime.fromISO(l.entry.date).toFormat('d LLL')}: ${l.entry.durationMinutes} min, ${l.entry.mode}, ${l.entry.attended ? 'attended' : 'did not attend'}`,
        })),
      csvUrl: '',
    });
  }

  async report(turn: FeatureTurn): Promise<void> {
    const lead = turn.caller.accountId;
    const tenantId = turn.caller.tenantId;
    const { now, month } = this.thisMonth();
    const report = activityReport(
      month,
      await this.deps.logs.listForMonth(tenantId, month),
      await this.deps.referrals.listMonth(month),
    );
    await this.sendCaseloadCard(turn, {
      title: `Activity report: ${now.toFormat('LLLL yyyy')}`,
      subtitle: 'Totals across the PCN. Individual session logs are not shown to leads.',
      facts: [
        { title: 'Coaches logging', value: String(report.coachesActive) },
        ...sessionFacts(report.caseload),
        { title: 'Referral conversations', value: String(report.referrals.total) },
        {
          title: 'Suggested coach / link worker / care coordinator',
          value: `${report.referrals.hwbc} / ${report.referrals.splw} / ${report.referrals.careCoordinator}`,
        },
        { title: 'Urgent routes', value: String(report.referrals.urgent) },
        ...(await this.feedbackFacts(month)),
      ],
      logs: [],
      csvUrl: this.deps.links.activityCsv(tenantId, month, lead),
    });
  }

  /** The referrers' feedback on last month's practice cards, when the feedback store is wired. */
  private async feedbackFacts(month: string): Promise<Array<{ title: string; value: string }>> {
    const feedback = this.deps.feedback;
    if (feedback === undefined) {
      return [];
    }
    const about = feedbackMonthFor(month);
    return feedbackReportFacts(
      summariseFeedback(about, await feedback.listMonth(about), feedback.threshold),
    );
  }

  /** The caseload card (a coach's month, or the leads' report), with the edit window. */
  private async sendCaseloadCard(
    turn: FeatureTurn,
    card: Omit<Parameters<typeof renderCaseloadCard>[0], 'editDays'>,
  ): Promise<void> {
    await turn.send({
      attachments: [renderCaseloadCard({ ...card, editDays: String(this.deps.editDays) })],
    });
  }

  /** Now in London, and the month it is in (yyyy-MM). */
  private thisMonth(): { now: DateTime; month: string } {
    const now = this.deps.clock.now().setZone(LONDON);
    return { now, month: now.toFormat('yyyy-MM') };
  }

  private cardData(
    problem: string,
    previous: SaveAction | undefined,
    logId: string,
  ): SessionLogCardData {
    const str = (v: string | number | undefined, fallback = ''): string =>
      v === undefined ? fallback : String(v);
    return {
      title: logId ? 'Change a session log' : 'Log a coaching session',
      problem,
      logId,
      date: previous?.date ?? this.deps.clock.now().setZone(LONDON).toISODate() ?? '',
      durationMinutes: Number(previous?.durationMinutes ?? 45) || 45,
      mode: previous?.mode ?? 'phone',
      format: previous?.format ?? 'one-to-one',
      groupSize: str(previous?.groupSize),
      sessionType: previous?.sessionType ?? 'follow-up',
      sessionNumber: str(previous?.sessionNumber),
      attended: previous?.attended ?? 'yes',
      referralSource: previous?.referralSource ?? 'gp',
      pamLevel: previous?.pamLevel ?? 'none',
      // Never echo back something refused as an identifier.
      caseloadRef: '',
    };
  }

  /** The coach's own log, if it may still be changed; otherwise says why not and gives undefined. */
  private async changeableLog(
    turn: FeatureTurn,
    coachId: string,
    logId: string,
    action: 'change' | 'delete',
  ): Promise<SessionLog | undefined> {
    const existing = await this.deps.logs.get(coachId, logId);
    if (existing && canChange(existing, coachId, this.deps.clock.now(), this.deps.editDays)) {
      return existing;
    }
    const done = action === 'change' ? 'changed' : 'deleted';
    await turn.send(
      `You can ${action} your own logs for ${this.deps.editDays} days after logging them; that one can't be ${done} now.`,
    );
    return undefined;
  }
}
