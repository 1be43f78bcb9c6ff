import type { SessionLogAction } from '../../src/cards/session-log/session-log.actions';
import type { SessionLog } from '../../src/domain/sessions/session-log';

export type SessionSaveSubmit = Extract<SessionLogAction, { verb: 'session.save' }>;

/**
 * What the log card's Save button sends for a 45-minute first session on 20 November 2026, by
 * video, one-to-one, attended, referred by a nurse; nothing optional filled in unless given.
 */
export const sessionSaveSubmit = (
  overrides: Partial<SessionSaveSubmit> = {},
): SessionSaveSubmit => ({
  verb: 'session.save',
  date: '2026-11-20',
  durationMinutes: '45',
  mode: 'video',
  format: 'one-to-one',
  sessionType: 'first',
  attended: 'yes',
  referralSource: 'nurse',
  ...overrides,
});

/**
 * A stored log made at 15:00 on 20 November 2026: a 60-minute first session that day by phone,
 * one-to-one, attended, referred by a GP, nothing optional filled in; `log` and `entry` change it.
 */
export const storedSessionLog = (
  log: Partial<Omit<SessionLog, 'entry'>> = {},
  entry: Partial<SessionLog['entry']> = {},
): SessionLog => ({
  logId: 'log-1',
  coachId: 'coach-1',
  tenantId: 'tenant-1',
  month: '2026-11',
  createdAt: '2026-11-20T15:00:00.000Z',
  ...log,
  entry: {
    date: '2026-11-20',
    durationMinutes: 60,
    mode: 'phone',
    format: 'one-to-one',
    groupSize: null,
    sessionType: 'first',
    sessionNumber: null,
    attended: true,
    referralSource: 'gp',
    pamLevel: null,
    ons4: null,
    caseloadRef: null,
    referralRef: null,
    practice: null,
    ...entry,
  },
});
