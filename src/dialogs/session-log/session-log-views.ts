import { DateTime } from 'luxon';
import type { CaseloadCardData } from '../../cards/session-log/session-log.cards';
import { hoursAndMinutes } from '../../domain/duration-text';
import {
  caseloadLine,
  type ActivityReport,
  type ReportNames,
} from '../../domain/sessions/activity-report';
import { recentPeriods, type ReportPeriod } from '../../domain/sessions/report-period';
import type { CaseloadSummary, SessionLog } from '../../domain/sessions/session-log';
import { shortReference } from '../../domain/sessions/short-reference';

type Fact = { title: string; value: string };

/** The counts the caseload card and the activity report both give. */
export function sessionFacts(s: CaseloadSummary): Fact[] {
  return [
    { title: 'Sessions logged', value: String(s.sessions) },
    { title: 'Attended', value: `${s.attended} (${hoursAndMinutes(s.minutes)})` },
    { title: 'Did not attend', value: String(s.didNotAttend) },
    { title: 'People seen', value: String(s.peopleSeen) },
  ];
}

/** A coach's own breakdown by mode, format and session type. */
export function mixFacts(s: CaseloadSummary): Fact[] {
  return [
    {
      title: 'Phone / video / face to face',
      value: `${s.byMode.phone} / ${s.byMode.video} / ${s.byMode['face-to-face']}`,
    },
    { title: '1:1 / group', value: `${s.byFormat['one-to-one']} / ${s.byFormat.group}` },
    {
      title: 'First / follow-up / final',
      value: `${s.byType.first} / ${s.byType.followUp} / ${s.byType.final}`,
    },
  ];
}

/** The per-coach and per-practice sections of the leads' report. */
export function reportSections(
  report: ActivityReport,
  names: ReportNames,
): CaseloadCardData['sections'] {
  const sections: CaseloadCardData['sections'] = [];
  if (report.byCoach.length > 0) {
    sections.push({
      heading: 'By coach',
      facts: report.byCoach.map((c) => ({
        title: names.coach(c.coachId),
        value: caseloadLine(c.caseload),
      })),
    });
  }
  if (report.byPractice.length > 0) {
    sections.push({
      heading: 'By practice',
      facts: report.byPractice.map((p) => ({
        title: names.practice(p.practice),
        value: `${caseloadLine(p.caseload)}; ${p.referrals} referral ${p.referrals === 1 ? 'conversation' : 'conversations'}`,
      })),
    });
  }
  return sections;
}

/** One listed log: "S-4F2K: 21 Nov: 1 hour, video, attended (HC-7K3Q)". */
export function listedLog(log: SessionLog): CaseloadCardData['logs'][number] {
  const e = log.entry;
  const length =
    e.attended && e.durationMinutes !== null ? `${hoursAndMinutes(e.durationMinutes)}, ` : '';
  const group = e.format === 'group' ? `, group of ${e.groupSize ?? '?'}` : '';
  const referral = e.referralRef ? ` (referral ${e.referralRef})` : '';
  return {
    logId: log.logId,
    reference: shortReference(log.logId),
    summary: `${DateTime.fromISO(e.date).toFormat('d LLL')}: ${length}${e.mode}${group}, ${e.attended ? 'attended' : 'did not attend'}${referral}`,
  };
}

/** The period picker's choices, with the one shown among them. */
export function periodChoices(
  today: string,
  shown: ReportPeriod,
): CaseloadCardData['periodChoices'] {
  const periods = recentPeriods(today);
  const all = periods.some((p) => p.key === shown.key) ? periods : [shown, ...periods];
  return all.map((p) => ({ title: p.label, value: p.key }));
}
