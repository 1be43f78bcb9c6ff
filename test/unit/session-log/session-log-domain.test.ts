import { readSessionInput } from '../../../src/dialogs/session-log/session-log.service';
import {
  activityReport,
  activityReportCsv,
  reportNames,
} from '../../../src/domain/sessions/activity-report';
import { monthPeriod, quarterPeriod } from '../../../src/domain/sessions/report-period';
import {
  caseloadReferenceSchema,
  summariseCaseload,
  type SessionLog,
} from '../../../src/domain/sessions/session-log';
import { sessionSaveSubmit, storedSessionLog } from '../../helpers/session-log-fixtures';

const base = sessionSaveSubmit({ mode: 'phone', referralSource: 'gp' });

describe('caseload references', () => {
  it.each(['943 476 5919', '9434765919', '401-023-2137'])(
    'refuses a valid NHS number: %s',
    (value) => {
      const result = caseloadReferenceSchema.safeParse(value);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/looks like an NHS number/);
    },
  );

  it('accepts a 10-digit number whose check digit is wrong (not an NHS number), and a local pseudonym', () => {
    expect(caseloadReferenceSchema.safeParse('9434765918').success).toBe(true);
    expect(caseloadReferenceSchema.safeParse('RIV-0042').success).toBe(true);
  });

  it('refuses a date of birth', () => {
    expect(caseloadReferenceSchema.safeParse('12/03/1950').success).toBe(false);
  });
});

describe('reading the session log card', () => {
  it('treats an empty number box (which Teams shows as 0) as no session number', () => {
    const result = readSessionInput({ ...base, sessionNumber: '0', groupSize: '0' });
    expect(result).toMatchObject({ ok: true, input: { sessionNumber: null, groupSize: null } });
  });

  it('reads a complete entry', () => {
    expect(
      readSessionInput({
        ...base,
        caseloadRef: 'RIV-0042',
        onsSatisfaction: '6',
        onsWorthwhile: '7',
        onsHappiness: '5',
        onsAnxiety: '3',
        pamLevel: '2',
      }),
    ).toEqual({
      ok: true,
      input: {
        date: '2026-11-20',
        durationMinutes: 45,
        mode: 'phone',
        format: 'one-to-one',
        groupSize: null,
        sessionType: 'first',
        sessionNumber: null,
        attended: true,
        referralSource: 'gp',
        pamLevel: 2,
        ons4: { satisfaction: 6, worthwhile: 7, happiness: 5, anxiety: 3 },
        caseloadRef: 'RIV-0042',
        referralRef: null,
        practice: null,
      },
    });
  });

  it.each([
    [{ format: 'group' }, /Group size/],
    [{ format: 'group', groupSize: '0' }, /Group size/],
    [{ sessionType: 'none' }, /first, follow-up or final/],
    [{ onsSatisfaction: '6' }, /ONS4/],
    [{ onsSatisfaction: '11', onsWorthwhile: '1', onsHappiness: '1', onsAnxiety: '1' }, /ONS4/],
    [{ durationMinutes: '600' }, /Minutes: at most 240/],
    [{ caseloadRef: '943 476 5919' }, /NHS number/],
  ])('explains what is wrong with %j', (change, problem) => {
    const result = readSessionInput({ ...base, ...change });
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.problem).toMatch(problem);
  });
});

describe('caseload and activity summaries', () => {
  const log = (entry: Partial<SessionLog['entry']>, coachId = 'c1'): SessionLog =>
    storedSessionLog(
      {
        logId: Math.random().toString(36),
        coachId,
        tenantId: 't',
        createdAt: '2026-11-20T10:00:00.000Z',
      },
      entry,
    );

  it('counts sessions, minutes, people seen (group sizes), modes, formats, session types and did-not-attends', () => {
    const summary = summariseCaseload([
      log({}),
      log({ mode: 'video', sessionType: 'follow-up', durationMinutes: 45 }),
      log({
        format: 'group',
        groupSize: 8,
        sessionType: null,
        sessionNumber: 3,
        mode: 'face-to-face',
        durationMinutes: 90,
      }),
      log({ attended: false, sessionType: 'final', durationMinutes: null }),
      log({ attended: false, format: 'group', groupSize: 5, durationMinutes: null }),
    ]);
    expect(summary).toEqual({
      sessions: 5,
      attended: 3,
      didNotAttend: 2,
      minutes: 195,
      peopleSeen: 10,
      byMode: { phone: 1, video: 1, 'face-to-face': 1 },
      byFormat: { 'one-to-one': 2, group: 1 },
      byType: { first: 1, followUp: 2, final: 0 },
    });
  });

  it('reports the month across coaches with referral outcomes, as CSV', () => {
    const report = activityReport(
      monthPeriod(2026, 11),
      [log({}, 'c1'), log({}, 'c2'), log({ attended: false }, 'c2')],
      [
        {
          month: '2026-11',
          completedAt: '2026-11-02T10:00:00.000Z',
          practice: 'Y00001',
          outcome: 'refer',
          primaryRoute: 'hwbc',
          secondaryRoute: 'splw',
          declinedRoute: null,
          reasons: [],
          askedBy: 'referrer',
        },
        {
          month: '2026-11',
          completedAt: '2026-11-03T10:00:00.000Z',
          practice: null,
          outcome: 'urgent',
          primaryRoute: null,
          secondaryRoute: null,
          declinedRoute: null,
          reasons: ['red-flag'],
          askedBy: 'referrer',
        },
      ],
    );
    expect(report.coachesActive).toBe(2);
    const csv = activityReportCsv(report, reportNames(undefined), '2026-11-30T12:00:00.000Z');
    expect(csv).toContain('sessions_logged,3\r\n');
    expect(csv).toContain('did_not_attend,1\r\n');
    expect(csv).toContain('referrals_suggested_hwbc,1\r\n');
    expect(csv).toContain('urgent_routes,1\r\n');
    expect(csv).not.toMatch(/c1|c2/);
  });
});

describe('activity reports for a quarter, per coach and per practice', () => {
  const at = (logId: string, coachId: string, entry: Partial<SessionLog['entry']>): SessionLog =>
    storedSessionLog(
      { logId, coachId, tenantId: 't', createdAt: '2026-09-30T10:00:00.000Z' },
      entry,
    );
  const names = reportNames({
    practices: [
      { odsCode: 'Y00001', name: 'Riverside Surgery' },
      { odsCode: 'Y00002', name: 'Hillview Medical Centre' },
    ],
    coaches: [
      { aadObjectId: 'C1', displayName: 'Jo Coach', practices: [] },
      { aadObjectId: 'c2', displayName: 'Sam Okoro', practices: [] },
    ],
  });
  const q3 = quarterPeriod(2026, 3);
  const logs = [
    at('a', 'c1', { date: '2026-07-01', practice: 'Y00001', durationMinutes: 45 }),
    at('b', 'c1', {
      date: '2026-09-30',
      practice: 'Y00001',
      format: 'group',
      groupSize: 6,
      durationMinutes: 90,
    }),
    at('c', 'c2', {
      date: '2026-08-15',
      practice: 'Y00002',
      attended: false,
      durationMinutes: null,
    }),
    at('outside', 'c2', { date: '2026-10-01', practice: 'Y00002' }),
  ];

  it('counts people seen with group sizes, per coach and per practice, inside the period only', () => {
    const report = activityReport(q3, logs, []);
    expect(report.caseload).toMatchObject({
      sessions: 3,
      attended: 2,
      minutes: 135,
      peopleSeen: 7,
    });
    expect(report.byCoach.map((c) => [names.coach(c.coachId), c.caseload.peopleSeen])).toEqual([
      ['Jo Coach', 7],
      ['Sam Okoro', 0],
    ]);
    expect(report.byPractice.map((p) => [names.practice(p.practice), p.caseload.sessions])).toEqual(
      [
        ['Riverside Surgery', 2],
        ['Hillview Medical Centre', 1],
      ],
    );
  });

  it('writes the CSV with lengths in minutes and words, and times in UK time with the offset', () => {
    const report = activityReport(q3, logs, []);
    const summer = activityReportCsv(report, names, '2026-07-01T09:00:00.000Z');
    expect(summer).toContain('period,Q3 2026 (July to September)\r\n');
    expect(summer).toContain('period_start,2026-07-01\r\nperiod_end,2026-09-30\r\n');
    expect(summer).toContain('generated_at,2026-07-01T10:00:00+01:00\r\n');
    expect(summer).toContain('people_seen,7\r\n');
    expect(summer).toContain('minutes_attended,135\r\ntime_attended,2 hours 15 minutes\r\n');
    expect(summer).toContain('coach,Jo Coach,2,2,0,7,135,\r\n');
    expect(summer).toContain('practice,Hillview Medical Centre,1,0,1,0,0,0\r\n');
    expect(summer).not.toMatch(/hours_attended|\b0\.\d/);
    const winter = activityReportCsv(report, names, '2026-12-01T09:00:00.000Z');
    expect(winter).toContain('generated_at,2026-12-01T09:00:00+00:00\r\n');
  });
});
