import { DateTime } from 'luxon';
import type { DigestBlock, DigestReader, DigestSection } from '../domain/digest/digest-section';
import { LONDON, type DigestWeek } from '../domain/digest/digest-week';
import type { BankHolidayCalendar } from '../domain/supervision/bank-holidays';
import { isUnanswered } from '../domain/referral-loop/case-deadlines';
import type { ReferralCaseRepository } from '../store/referral-case.repository';
import { KIND_LABELS, nextSessions } from '../domain/supervision/schedule';
import { summariseSupervision } from '../domain/supervision/supervision-record';
import type { BroadcastRepository } from '../store/broadcast.repository';
import type { SupervisionRepository } from '../store/supervision.repository';

const dayAndTime = (at: DateTime): string => at.setZone(LONDON).toFormat("cccc d LLL 'at' HH:mm");
const day = (iso: string): string =>
  DateTime.fromISO(iso, { zone: 'utc' }).setZone(LONDON).toFormat('d LLL yyyy');

/** A coach's supervision sessions this week (moved sessions at their new time; paused left out). */
export function coachSessionsSection(
  supervision: SupervisionRepository,
  overdueWeeks: number,
  now: () => DateTime,
): DigestSection {
  return {
    appliesTo: (reader) => reader.isCoach,
    async compose(reader: DigestReader, week: DigestWeek): Promise<DigestBlock> {
      const [schedules, records] = await Promise.all([
        supervision.listSchedules(reader.userId),
        supervision.listRecords(reader.userId),
      ]);
      const sessions = schedules
        .filter((s) => !s.schedule.paused)
        .flatMap((s) =>
          nextSessions(s.schedule, week.start, 8)
            .filter((start) => start < week.end)
            .map((start) => ({ start, kind: s.schedule.kind })),
        )
        .sort((a, b) => a.start.toMillis() - b.start.toMillis());
      const lines =
        sessions.length > 0
          ? sessions.map((s) => `${KIND_LABELS[s.kind]}: ${dayAndTime(s.start)}`)
          : ['No supervision sessions scheduled this week.'];
      const summary = summariseSupervision(records, now(), overdueWeeks);
      if (summary.overdue) {
        lines.push(
          summary.lastCoaching
            ? `Your last coaching supervision recorded was on ${day(summary.lastCoaching)}: more than ${overdueWeeks} weeks ago.`
            : 'No coaching supervision is recorded for you yet.',
        );
      }
      return { title: 'Your supervision this week', lines };
    },
  };
}

/** For leads: the coaches overdue for coaching supervision, as "team supervision status" counts them. */
export function overdueCoachesSection(
  supervision: SupervisionRepository,
  pcn: { readonly coaches: ReadonlyArray<{ aadObjectId: string; displayName: string }> },
  overdueWeeks: number,
  now: () => DateTime,
): DigestSection {
  return {
    appliesTo: (reader) => reader.isLead,
    async compose(): Promise<DigestBlock> {
      const overdue: string[] = [];
      for (const coach of pcn.coaches) {
        const records = await supervision.listRecords(coach.aadObjectId.toLowerCase());
        const summary = summariseSupervision(records, now(), overdueWeeks);
        if (summary.overdue) {
          overdue.push(
            `${coach.displayName}: ${summary.lastCoaching ? `last on ${day(summary.lastCoaching)}` : 'none recorded'}`,
          );
        }
      }
      return {
        title: 'Coaches overdue for supervision',
        lines:
          overdue.length > 0
            ? overdue
            : [`Every coach has had coaching supervision in the last ${overdueWeeks} weeks.`],
      };
    },
  };
}

/** For leads: their channel posts due to go out this week, still waiting. */
export function postsThisWeekSection(broadcasts: BroadcastRepository): DigestSection {
  return {
    appliesTo: (reader) => reader.isLead,
    async compose(reader: DigestReader, week: DigestWeek): Promise<DigestBlock> {
      const lines: Array<{ at: DateTime; line: string }> = [];
      for (const job of await broadcasts.listJobs(reader.tenantId, reader.userId)) {
        if (job.status !== 'active') {
          continue;
        }
        const waiting = new Set(
          (await broadcasts.listDeliveries(job.jobId))
            .filter((d) => d.status === 'pending')
            .map((d) => d.occurrence),
        );
        job.occurrences.forEach((iso, occurrence) => {
          const at = DateTime.fromISO(iso, { zone: 'utc' });
          if (waiting.has(occurrence) && at >= week.start && at < week.end) {
            const cards = job.cards.map((c) => c.title).join(', ');
            const channels = job.targets.map((t) => t.channelName).join(', ');
            lines.push({ at, line: `${dayAndTime(at)}: ${cards} to ${channels}` });
          }
        });
      }
      return {
        title: 'Your channel posts going out this week',
        lines:
          lines.length > 0
            ? lines.sort((a, b) => a.at.toMillis() - b.at.toMillis()).map((l) => l.line)
            : ['None this week.'],
      };
    },
  };
}

/**
 * For leads: referrals sent to the coaching team that nobody has accepted yet, and those waiting
 * longer than the PCN's working days (as `my referrals` shows them). References only.
 */
export function referralsWaitingSection(
  cases: ReferralCaseRepository,
  pcnCode: string,
  unansweredWorkingDays: number,
  holidays: BankHolidayCalendar,
  now: () => DateTime,
): DigestSection {
  return {
    appliesTo: (reader) => reader.isLead,
    async compose(): Promise<DigestBlock> {
      const waiting = (await cases.listOpen(pcnCode)).filter((c) => c.state === 'sent');
      const late = waiting.filter((c) => isUnanswered(c, now(), unansweredWorkingDays, holidays));
      const lines =
        waiting.length === 0
          ? ['No referrals are waiting for the coaching team.']
          : [
              `${waiting.length} referral${waiting.length === 1 ? '' : 's'} waiting to be accepted.`,
              ...(late.length > 0
                ? [
                    `Not accepted within ${unansweredWorkingDays} working days: ${late.map((c) => c.reference).join(', ')}. Type 'my referrals' to see them.`,
                  ]
                : []),
            ];
      return { title: 'Referrals waiting', lines };
    },
  };
}
