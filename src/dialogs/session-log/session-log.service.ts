import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import type { z } from 'zod';
import {
  renderCaseloadCard,
  renderSessionLogCard,
  type CaseloadCardData,
  type SessionLogCardData,
} from '../../cards/session-log/session-log.cards';
import type { Clock } from '../../domain/clock';
import { hoursAndMinutes } from '../../domain/duration-text';
import {
  activityReport,
  reportNames,
  type ReportNames,
  type SessionLogPcn,
} from '../../domain/sessions/activity-report';
import { monthsIn, type ReportPeriod } from '../../domain/sessions/report-period';
import { feedbackMonthFor, feedbackReportFacts } from '../../domain/referral-loop/feedback-report';
import {
  summariseFeedback,
  type ReferrerFeedback,
} from '../../domain/referral-loop/referrer-feedback';
import {
  canChange,
  caseloadReferenceSchema,
  referralReferenceSchema,
  summariseCaseload,
  type SessionLog,
} from '../../domain/sessions/session-log';
import { shortReference } from '../../domain/sessions/short-reference';
import type { ReferralRecordRepository } from '../../store/referral-record.repository';
import type { SessionLogRepository } from '../../store/session-log.repository';
import type { FeatureTurn } from '../feature-turn';
import { periodAsked } from './period-asked';
import { readSessionInput, type SaveAction } from './session-input';
import {
  listedLog,
  mixFacts,
  periodChoices,
  reportSections,
  sessionFacts,
} from './session-log-views';

export { readSessionInput } from './session-input';

export interface ActivityReportLinks {
  /** A signed link to the CSV of one period (its key: "2026-11", "2026-Q3" or "2026"). */
  activityCsv(tenantId: string, period: string, user: string): string;
}

const LONDON = 'Europe/London';

/**
 * What the referral loop made of a session logged against a referral's reference: moved on to
 * "first session held", already past it, not yet accepted, no such referral, or not allowed.
 */
export type ReferenceLinkResult = 'moved' | 'already' | 'not-accepted' | 'not-found' | 'refused';
export type ReferenceLink = (reference: string, coachId: string) => Promise<ReferenceLinkResult>;

const LINK_SAID: Record<ReferenceLinkResult, string> = {
  moved:
    'The referral {ref} is now at "first session held"; its referrer will hear in their daily update.',
  already: 'The referral {ref} is already past its first session: nothing changed there.',
  'not-accepted':
    'The referral {ref} has not been accepted yet, so it was not moved on: accept it on its card first.',
  'not-found': 'No referral {ref} was found: check the reference. The log is saved.',
  refused: 'Only the coaching team can move a referral on: the referral {ref} was not changed.',
};

/** A reference as it would be stored, or '' if it is empty or would be refused. */
function acceptable(schema: z.ZodType<string>, value: string | undefined): string {
  const parsed = schema.safeParse(value ?? '');
  return parsed.success ? parsed.data : '';
}

/** Coaches log sessions and see their caseload; leads see aggregates, never individual logs. */
export class SessionLogCommands {
  constructor(
    private readonly deps: {
      logs: SessionLogRepository;
      referrals: ReferralRecordRepository;
      clock: Clock;
      editDays: number;
      links: ActivityReportLinks;
      pcn?: SessionLogPcn;
      /** Moves the referral a log names on to "first session held"; without it, references are only kept. */
      referenceLink?: ReferenceLink;
      /** Referrers' feedback (#13), shown on the report with small numbers hidden. */
      feedback?: { listMonth(month: string): Promise<ReferrerFeedback[]>; threshold: number };
    },
  ) {}

  /** A sentence on what the referral named by an attended log's reference made of it, or ''. */
  private async linkReference(coachId: string, entry: SessionLog['entry']): Promise<string> {
    const ref = entry.referralRef;
    if (!ref || !entry.attended || !this.deps.referenceLink) {
      return '';
    }
    const result = await this.deps.referenceLink(ref, coachId);
    return ` ${LINK_SAID[result].replace('{ref}', ref)}`;
  }

  async start(turn: FeatureTurn): Promise<void> {
    await turn.send({
      attachments: [renderSessionLogCard(this.cardData(turn, '', undefined, ''))],
    });
  }

  async save(turn: FeatureTurn, action: SaveAction): Promise<void> {
    const coachId = turn.caller.userId;
    const logId = action.logId ?? '';
    const read = readSessionInput(action, this.practiceCodes());
    if (!read.ok) {
      // The form comes back as filled in, but a reference that was refused is never echoed back.
      await this.refuse(
        turn,
        `Not saved. ${read.problem}`,
        {
          ...action,
          caseloadRef: acceptable(caseloadReferenceSchema, action.caseloadRef),
          referralRef: acceptable(referralReferenceSchema, action.referralRef),
        },
        logId,
      );
      return;
    }
    const now = this.deps.clock.now();
    if (read.input.date > this.today()) {
      await this.refuse(
        turn,
        'Not saved. The date is in the future: you can log a session once it has happened.',
        {
          ...action,
          caseloadRef: read.input.caseloadRef ?? '',
          referralRef: read.input.referralRef ?? '',
        },
        logId,
      );
      return;
    }
    if (logId) {
      const existing = await this.changeableLog(turn, coachId, logId, 'change');
      if (!existing) {
        return;
      }
      // Pressing Save again on the same edit card writes the same entry: no harm done.
      await this.deps.logs.replace({
        ...existing,
        month: read.input.date.slice(0, 7),
        entry: read.input,
      });
      const linked = await this.linkReference(coachId, read.input);
      await turn.send(`Updated ${shortReference(logId)}.${linked}`);
      return;
    }
    // The id comes from the activity, so Teams delivering the same submit twice makes one log.
    const newId = createHash('sha256').update(turn.activityKey).digest('hex').slice(0, 32);
    const log: SessionLog = {
      logId: newId,
      coachId,
      tenantId: turn.caller.tenantId,
      month: read.input.date.slice(0, 7),
      createdAt: now.toISO() ?? '',
      entry: read.input,
    };
    const added = await this.deps.logs.add(log);
    const e = read.input;
    const what =
      e.attended && e.durationMinutes !== null
        ? `${hoursAndMinutes(e.durationMinutes)}, attended`
        : 'did not attend';
    const linked = added ? await this.linkReference(coachId, e) : '';
    await turn.send(
      added
        ? `Logged: ${DateTime.fromISO(e.date).toFormat('d LLL')}, ${what}. Type 'my caseload' to see this month.${linked}`
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
    const str = (n: number | null | undefined): string =>
      n === null || n === undefined ? '' : String(n);
    const previous: SaveAction = {
      verb: 'session.save',
      date: e.date,
      durationMinutes: str(e.durationMinutes),
      mode: e.mode,
      format: e.format,
      groupSize: str(e.groupSize),
      sessionType: e.sessionType ?? 'none',
      sessionNumber: str(e.sessionNumber),
      attended: e.attended ? 'yes' : 'no',
      referralSource: e.referralSource,
      pamLevel: e.pamLevel === null ? 'none' : String(e.pamLevel),
      onsSatisfaction: str(e.ons4?.satisfaction),
      onsWorthwhile: str(e.ons4?.worthwhile),
      onsHappiness: str(e.ons4?.happiness),
      onsAnxiety: str(e.ons4?.anxiety),
      caseloadRef: e.caseloadRef ?? '',
      referralRef: e.referralRef ?? '',
      practice: e.practice ?? 'none',
    };
    await turn.send({
      attachments: [renderSessionLogCard(this.cardData(turn, '', previous, logId))],
    });
  }

  async remove(turn: FeatureTurn, logId: string): Promise<void> {
    const coachId = turn.caller.userId;
    const existing = await this.deps.logs.get(coachId, logId);
    if (!existing) {
      // A second press after it was deleted, or not this coach's: nothing to delete either way.
      await turn.send(
        `There is no log of yours with the reference ${shortReference(logId)} now: it may already have been deleted.`,
      );
      return;
    }
    if (!(await this.changeableLog(turn, coachId, logId, 'delete'))) {
      return;
    }
    await this.deps.logs.remove(coachId, logId);
    await turn.send(`Deleted ${shortReference(logId)}.`);
  }

  /** A coach's own caseload for a period (typed, or from the card's picker). */
  async caseload(turn: FeatureTurn, text = '', periodKey?: string): Promise<void> {
    const coachId = turn.caller.userId;
    const { period, problem } = this.periodAsked(text, periodKey);
    const now = this.deps.clock.now();
    const logs = await this.deps.logs.listForCoachDates(coachId, period);
    const since = now.minus({ days: this.deps.editDays }).toUTC().toISO() ?? '';
    const recent = await this.deps.logs.listMadeSince(coachId, since);
    const s = summariseCaseload(logs);
    await this.sendCaseloadCard(turn, {
      title: `My caseload: ${period.label}`,
      subtitle: '',
      problem,
      facts: [...sessionFacts(s), ...mixFacts(s)],
      sections: [],
      logs: recent
        .filter((l) => canChange(l, coachId, now, this.deps.editDays))
        .sort((a, b) => b.entry.date.localeCompare(a.entry.date) || a.logId.localeCompare(b.logId))
        .slice(0, 10)
        .map(listedLog),
      csvUrl: '',
      period: period.key,
      periodChoices: periodChoices(this.today(), period),
      periodVerb: 'session.caseload',
    });
  }

  /** The leads' report for a period: PCN totals, per coach and per practice, and a CSV link. */
  async report(turn: FeatureTurn, text = '', periodKey?: string): Promise<void> {
    const lead = turn.caller.accountId;
    const tenantId = turn.caller.tenantId;
    const { period, problem } = this.periodAsked(text, periodKey);
    const report = activityReport(
      period,
      await this.deps.logs.listForTenantDates(tenantId, period),
      await referralsIn(this.deps.referrals, period),
    );
    await this.sendCaseloadCard(turn, {
      title: `Activity report: ${period.label}`,
      subtitle: 'Totals across the PCN. Individual session logs are not shown to leads.',
      problem,
      facts: [
        { title: 'Coaches logging', value: String(report.coachesActive) },
        ...sessionFacts(report.caseload),
        { title: 'Referral conversations', value: String(report.referrals.total) },
        {
          title: 'Suggested coach / link worker / care coordinator',
          value: `${report.referrals.hwbc} / ${report.referrals.splw} / ${report.referrals.careCoordinator}`,
        },
        { title: 'Urgent routes', value: String(report.referrals.urgent) },
        ...(await this.feedbackFacts(monthsIn(period).at(-1) ?? period.key)),
      ],
      sections: reportSections(report, this.names()),
      logs: [],
      csvUrl: this.deps.links.activityCsv(tenantId, period.key, lead),
      period: period.key,
      periodChoices: periodChoices(this.today(), period),
      periodVerb: 'session.report',
    });
  }

  /** How the report names coaches and practices, from the PCN file. */
  names(): ReportNames {
    return reportNames(this.deps.pcn);
  }

  private periodAsked(
    text: string,
    periodKey: string | undefined,
  ): { period: ReportPeriod; problem: string } {
    return periodAsked(text, periodKey, this.today());
  }

  private async refuse(
    turn: FeatureTurn,
    problem: string,
    values: SaveAction,
    logId: string,
  ): Promise<void> {
    await turn.send({
      attachments: [renderSessionLogCard(this.cardData(turn, problem, values, logId))],
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
    card: Omit<CaseloadCardData, 'editDays'>,
  ): Promise<void> {
    await turn.send({
      attachments: [renderCaseloadCard({ ...card, editDays: String(this.deps.editDays) })],
    });
  }

  /** Today's date in London (yyyy-MM-dd). */
  private today(): string {
    return this.deps.clock.now().setZone(LONDON).toISODate() ?? '';
  }

  private practiceCodes(): string[] {
    return (this.deps.pcn?.practices ?? []).map((p) => p.odsCode);
  }

  /** The practice a new log starts with: the coach's only practice, if they have one. */
  private defaultPractice(turn: FeatureTurn): string {
    const coach = this.deps.pcn?.coaches.find(
      (c) => c.aadObjectId.toLowerCase() === turn.caller.userId,
    );
    return coach?.practices.length === 1 ? (coach.practices[0] ?? 'none') : 'none';
  }

  private cardData(
    turn: FeatureTurn,
    problem: string,
    previous: SaveAction | undefined,
    logId: string,
  ): SessionLogCardData {
    const str = (v: string | number | undefined, fallback = ''): string =>
      v === undefined ? fallback : String(v);
    const practices = this.deps.pcn?.practices ?? [];
    const minutes = Number(previous?.durationMinutes ?? 45);
    return {
      title: logId ? `Change a session log (${shortReference(logId)})` : 'Log a coaching session',
      problem,
      logId,
      date: previous?.date ?? this.today(),
      durationMinutes: Number.isFinite(minutes) && minutes > 0 ? minutes : 45,
      mode: previous?.mode ?? 'phone',
      format: previous?.format ?? 'one-to-one',
      groupSize: str(previous?.groupSize),
      sessionType: previous?.sessionType ?? 'follow-up',
      sessionNumber: str(previous?.sessionNumber),
      attended: previous?.attended ?? 'yes',
      referralSource: previous?.referralSource ?? 'gp',
      pamLevel: previous?.pamLevel ?? 'none',
      onsSatisfaction: str(previous?.onsSatisfaction),
      onsWorthwhile: str(previous?.onsWorthwhile),
      onsHappiness: str(previous?.onsHappiness),
      onsAnxiety: str(previous?.onsAnxiety),
      caseloadRef: previous?.caseloadRef ?? '',
      referralRef: previous?.referralRef ?? '',
      practice: previous?.practice ?? this.defaultPractice(turn),
      practices:
        practices.length === 0
          ? []
          : [
              { title: 'Not given', value: 'none' },
              ...practices.map((p) => ({ title: p.name, value: p.odsCode })),
            ],
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

/** Referral outcome records in a period (they are kept by month). */
export async function referralsIn(
  referrals: ReferralRecordRepository,
  period: ReportPeriod,
): Promise<Awaited<ReturnType<ReferralRecordRepository['listMonth']>>> {
  const months = await Promise.all(monthsIn(period).map((m) => referrals.listMonth(m)));
  return months.flat();
}
