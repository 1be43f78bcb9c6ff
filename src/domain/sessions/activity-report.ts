import { csvDocument, ukTime, type CsvCell } from '../csv';
import { hoursAndMinutes } from '../duration-text';
import type { ReferralRecord } from '../referral/referral-record';
import type { ReportPeriod } from './report-period';
import { summariseCaseload, type CaseloadSummary, type SessionLog } from './session-log';

interface ReferralCounts {
  total: number;
  urgent: number;
  noReferral: number;
  hwbc: number;
  splw: number;
  careCoordinator: number;
}

export interface ActivityReport {
  period: ReportPeriod;
  coachesActive: number;
  caseload: CaseloadSummary;
  /** Each coach who logged in the period, by id (the card and the CSV name them). */
  byCoach: Array<{ coachId: string; caseload: CaseloadSummary }>;
  /** Each practice (ODS code; null for logs and referrals that name none), logs and referrals. */
  byPractice: Array<{ practice: string | null; caseload: CaseloadSummary; referrals: number }>;
  referrals: ReferralCounts;
}

/** Names for the ids a report holds: coaches by Entra object id, practices by ODS code. */
export interface ReportNames {
  coach(coachId: string): string;
  practice(odsCode: string | null): string;
}

/** What the PCN file says that the logs and reports name: its practices and its coaches. */
export interface SessionLogPcn {
  practices: ReadonlyArray<{ odsCode: string; name: string }>;
  coaches: ReadonlyArray<{
    aadObjectId: string;
    displayName: string;
    practices: readonly string[];
  }>;
}

/** Names from the PCN file; a coach or practice no longer in it is said so, never by id. */
export function reportNames(pcn: SessionLogPcn | undefined): ReportNames {
  return {
    coach: (coachId) =>
      pcn?.coaches.find((c) => c.aadObjectId.toLowerCase() === coachId)?.displayName ??
      'A coach no longer in the PCN file',
    practice: (odsCode) =>
      odsCode === null
        ? 'Practice not given'
        : (pcn?.practices.find((p) => p.odsCode === odsCode)?.name ?? odsCode),
  };
}

function countReferrals(referrals: readonly ReferralRecord[]): ReferralCounts {
  return {
    total: referrals.length,
    urgent: referrals.filter((r) => r.outcome === 'urgent').length,
    noReferral: referrals.filter((r) => r.outcome === 'no-referral').length,
    hwbc: referrals.filter((r) => r.primaryRoute === 'hwbc').length,
    splw: referrals.filter((r) => r.primaryRoute === 'splw').length,
    careCoordinator: referrals.filter((r) => r.primaryRoute === 'care-coordinator').length,
  };
}

const inPeriod = (period: ReportPeriod, date: string): boolean =>
  date >= period.start && date <= period.end;

/**
 * The PCN's month, quarter or year: sessions, time and people seen across coaches (aggregates
 * only), per coach and per practice, and referral outcomes. Logs and referrals outside the
 * period are left out.
 */
export function activityReport(
  period: ReportPeriod,
  allLogs: readonly SessionLog[],
  allReferrals: readonly ReferralRecord[],
): ActivityReport {
  const logs = allLogs.filter((l) => inPeriod(period, l.entry.date));
  const referrals = allReferrals.filter((r) => inPeriod(period, r.completedAt.slice(0, 10)));
  const coachIds = [...new Set(logs.map((l) => l.coachId))].sort();
  const practices = [
    ...new Set([...logs.map((l) => l.entry.practice), ...referrals.map((r) => r.practice)]),
  ].sort((a, b) => (a ?? '~').localeCompare(b ?? '~'));
  return {
    period,
    coachesActive: coachIds.length,
    caseload: summariseCaseload(logs),
    byCoach: coachIds.map((coachId) => ({
      coachId,
      caseload: summariseCaseload(logs.filter((l) => l.coachId === coachId)),
    })),
    byPractice: practices.map((practice) => ({
      practice,
      caseload: summariseCaseload(logs.filter((l) => l.entry.practice === practice)),
      referrals: referrals.filter((r) => r.practice === practice).length,
    })),
    referrals: countReferrals(referrals),
  };
}

/** One line for a coach or a practice: "5 sessions, 4 attended (3 hours), 6 people seen". */
export function caseloadLine(c: CaseloadSummary): string {
  const sessions = c.sessions === 1 ? '1 session' : `${c.sessions} sessions`;
  const people = c.peopleSeen === 1 ? '1 person seen' : `${c.peopleSeen} people seen`;
  return `${sessions}, ${c.attended} attended (${hoursAndMinutes(c.minutes)}), ${people}`;
}

/**
 * One row per measure, as a PCN would paste into its return, then one row per coach and per
 * practice. Times are UK time with their offset; lengths are whole minutes (a number to sum)
 * and the same in words.
 */
export function activityReportCsv(
  report: ActivityReport,
  names: ReportNames,
  generatedAt: string,
): string {
  const c = report.caseload;
  const rows: CsvCell[][] = [
    ['measure', 'value'],
    ['period', report.period.label],
    ['period_start', report.period.start],
    ['period_end', report.period.end],
    ['generated_at', ukTime(generatedAt)],
    ['coaches_active', report.coachesActive],
    ['sessions_logged', c.sessions],
    ['sessions_attended', c.attended],
    ['did_not_attend', c.didNotAttend],
    ['people_seen', c.peopleSeen],
    ['minutes_attended', c.minutes],
    ['time_attended', hoursAndMinutes(c.minutes)],
    ['phone', c.byMode.phone],
    ['video', c.byMode.video],
    ['face_to_face', c.byMode['face-to-face']],
    ['one_to_one', c.byFormat['one-to-one']],
    ['group', c.byFormat.group],
    ['first_sessions', c.byType.first],
    ['follow_up_sessions', c.byType.followUp],
    ['final_sessions', c.byType.final],
    ['referral_conversations', report.referrals.total],
    ['referrals_suggested_hwbc', report.referrals.hwbc],
    ['referrals_suggested_splw', report.referrals.splw],
    ['referrals_suggested_care_coordinator', report.referrals.careCoordinator],
    ['urgent_routes', report.referrals.urgent],
    ['no_referral_suggested', report.referrals.noReferral],
    [],
    [
      'breakdown',
      'name',
      'sessions_logged',
      'sessions_attended',
      'did_not_attend',
      'people_seen',
      'minutes_attended',
      'referral_conversations',
    ],
  ];
  const breakdown = (
    kind: string,
    name: string,
    s: CaseloadSummary,
    referrals: CsvCell,
  ): CsvCell[] => [
    kind,
    name,
    s.sessions,
    s.attended,
    s.didNotAttend,
    s.peopleSeen,
    s.minutes,
    referrals,
  ];
  for (const coach of report.byCoach) {
    rows.push(breakdown('coach', names.coach(coach.coachId), coach.caseload, ''));
  }
  for (const p of report.byPractice) {
    rows.push(breakdown('practice', names.practice(p.practice), p.caseload, p.referrals));
  }
  return csvDocument(rows);
}
