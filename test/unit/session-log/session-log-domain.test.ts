import { readSessionInput } from '../../../src/dialogs/session-log/session-log.service';
import { activityReport, activityReportCsv } from '../../../src/domain/sessions/activity-report';
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

  it('counts sessions, hours, modes, formats, session types and did-not-attends', () => {
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
      log({ attended: false, sessionType: 'final' }),
    ]);
    expect(summary).toEqual({
      sessions: 4,
      attended: 3,
      didNotAttend: 1,
      hours: 3.3,
      minutes: 195,
      byMode: { phone: 1, video: 1, 'face-to-face': 1 },
      byFormat: { 'one-to-one': 2, group: 1 },
      byType: { first: 1, followUp: 2, final: 0 },
    });
  });

  it('reports the month across coaches with referral outcomes, as CSV', () => {
    const report = activityReport(
      '2026-11',
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
    const csv = activityReportCsv(report);
    expect(csv).toContain('sessions_logged,3\r\n');
    expect(csv).toContain('did_not_attend,1\r\n');
    expect(csv).toContain('referrals_suggested_hwbc,1\r\n');
    expect(csv).toContain('urgent_routes,1\r\n');
    expect(csv).not.toMatch(/c1|c2/);
  });
});
