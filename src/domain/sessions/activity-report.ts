import { csvDocument, type CsvCell } from '../csv';
import type { ReferralRecord } from '../referral/referral-record';
import { summariseCaseload, type CaseloadSummary, type SessionLog } from './session-log';

export interface ActivityReport {
  month: string;
  coachesActive: number;
  caseload: CaseloadSummary;
  referrals: {
    total: number;
    urgent: number;
    noReferral: number;
    hwbc: number;
    splw: number;
    careCoordinator: number;
  };
}

/** The PCN's month: sessions and hours across coaches (aggregates only), and referral outcomes. */
export function activityReport(
  month: string,
  logs: readonly SessionLog[],
  referrals: readonly ReferralRecord[],
): ActivityReport {
  return {
    month,
    coachesActive: new Set(logs.map((l) => l.coachId)).size,
    caseload: summariseCaseload(logs),
    referrals: {
      total: referrals.length,
      urgent: referrals.filter((r) => r.outcome === 'urgent').length,
      noReferral: referrals.filter((r) => r.outcome === 'no-referral').length,
      hwbc: referrals.filter((r) => r.primaryRoute === 'hwbc').length,
      splw: referrals.filter((r) => r.primaryRoute === 'splw').length,
      careCoordinator: referrals.filter((r) => r.primaryRoute === 'care-coordinator').length,
    },
  };
}

/** One row per measure, as a PCN would paste into its monthly return. */
export function activityReportCsv(report: ActivityReport): string {
  const c = report.caseload;
  const rows: Array<[string, CsvCell]> = [
    ['measure', 'value'],
    ['month', report.month],
    ['coaches_active', report.coachesActive],
    ['sessions_logged', c.sessions],
    ['sessions_attended', c.attended],
    ['did_not_attend', c.didNotAttend],
    ['hours_attended', c.hours],
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
  ];
  return csvDocument(rows);
}
