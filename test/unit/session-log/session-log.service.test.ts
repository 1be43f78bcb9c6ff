import { hoursAndMinutes } from '../../../src/domain/duration-text';
import { createHash } from 'node:crypto';
import { SessionLogCommands } from '../../../src/dialogs/session-log/session-log.service';
import { fixedClock } from '../../../src/domain/clock';
import type { ReferralRecord } from '../../../src/domain/referral/referral-record';
import type { SessionLog } from '../../../src/domain/sessions/session-log';
import { MemoryReferralRecordRepository } from '../../../src/store/memory/referral-record.memory-repository';
import { MemorySessionLogRepository } from '../../../src/store/memory/session-log.memory-repository';
import { buttonsOf, factsOf, inputValue, linksOf, textOf } from '../../helpers/card-content';
import { COACH, LEAD, SECOND_COACH } from '../../helpers/people';
import {
  asCoach,
  asLead,
  callerAs,
  cardSent,
  recordedTurn,
  TENANT,
} from '../../helpers/recorded-turn';
import { sessionSaveSubmit, storedSessionLog } from '../../helpers/session-log-fixtures';

const COACH_ID = COACH.aadObjectId.toLowerCase();

/** The session log feature over empty in-memory stores, on Monday 23 November 2026. */
function setUp() {
  const clock = fixedClock('2026-11-23T09:00:00Z');
  const logs = new MemorySessionLogRepository();
  const referrals = new MemoryReferralRecordRepository();
  const commands = new SessionLogCommands({
    logs,
    referrals,
    clock,
    editDays: 7,
    links: {
      activityCsv: (tenantId, month, user) =>
        `https://bot.example.test/reports/activity/${tenantId}/${month}?u=${user}`,
    },
  });
  return { clock, logs, referrals, commands };
}

/** What the log card's Save button sends for a 45-minute video first session. */
const entry = sessionSaveSubmit({ pamLevel: '2', caseloadRef: ' RIV-014 ' });

/** A log stored for `coachId`, made `createdAt`. */
const stored = (logId: string, overrides: Partial<SessionLog> = {}): SessionLog => ({
  ...storedSessionLog({ logId, coachId: COACH_ID, tenantId: TENANT }, { sessionType: 'follow-up' }),
  ...overrides,
});

const referral = (overrides: Partial<ReferralRecord> = {}): ReferralRecord => ({
  month: '2026-11',
  completedAt: '2026-11-10T10:00:00.000Z',
  practice: 'Y00001',
  outcome: 'refer',
  primaryRoute: 'hwbc',
  secondaryRoute: null,
  declinedRoute: null,
  reasons: ['need-behaviour-change'],
  askedBy: 'referrer',
  ...overrides,
});

describe('logging a session', () => {
  it('shows an empty log card for today, saying the clinical record belongs in the GP system', async () => {
    const { commands } = setUp();
    const card = await cardSent(asCoach(), (turn) => commands.start(turn));
    expect(textOf(card)).toContain('Log a coaching session');
    expect(textOf(card)).toContain('The clinical record and its coding belong in the GP system');
    expect(inputValue(card, 'date')).toBe('2026-11-23');
    expect(buttonsOf(card)).toEqual([{ title: 'Save', data: { verb: 'session.save', logId: '' } }]);
  });

  it('stores the log under an id from the activity, and says what was logged', async () => {
    const { commands, logs } = setUp();
    const turn = recordedTurn(asCoach(), 'a:chat|reply|activity-7');
    await commands.save(turn, entry);
    expect(turn.texts()).toEqual([
      "Logged: 20 Nov, 45 minutes, attended. Type 'my caseload' to see this month.",
    ]);
    const logId = createHash('sha256').update('a:chat|reply|activity-7').digest('hex').slice(0, 32);
    expect(await logs.get(COACH_ID, logId)).toEqual({
      logId,
      coachId: COACH_ID,
      tenantId: TENANT,
      month: '2026-11',
      createdAt: '2026-11-23T09:00:00.000Z',
      entry: {
        date: '2026-11-20',
        durationMinutes: 45,
        mode: 'video',
        format: 'one-to-one',
        groupSize: null,
        sessionType: 'first',
        sessionNumber: null,
        attended: true,
        referralSource: 'nurse',
        pamLevel: 2,
        ons4: null,
        caseloadRef: 'RIV-014',
      },
    });
  });

  it('makes one log when Teams delivers the same submit twice', async () => {
    const { commands, logs } = setUp();
    const turn = recordedTurn(asCoach(), 'a:chat|reply|activity-7');
    await commands.save(turn, entry);
    await commands.save(turn, entry);
    expect(turn.texts()[1]).toBe('That session was already logged.');
    expect(await logs.listForCoach(COACH_ID, '2026-11')).toHaveLength(1);
  });

  it('refuses an NHS number as a caseload reference, saves nothing, and does not echo it back', async () => {
    const { commands, logs } = setUp();
    const card = await cardSent(asCoach(), (turn) =>
      commands.save(turn, { ...entry, caseloadRef: '943 476 5919' }),
    );
    expect(textOf(card)).toContain(
      'Not saved. Caseload reference: That looks like an NHS number. Use your local caseload pseudonym instead',
    );
    expect(JSON.stringify(card)).not.toContain('943 476 5919');
    expect(inputValue(card, 'durationMinutes')).toBe(45);
    expect(await logs.listForCoach(COACH_ID, '2026-11')).toEqual([]);
  });
});

describe('changing and deleting logs', () => {
  it('updates an own recent log from the card, month and all', async () => {
    const { commands, logs } = setUp();
    await logs.add(stored('log-1'));
    const turn = recordedTurn(asCoach());
    await commands.save(turn, { ...entry, logId: 'log-1', date: '2026-10-30', attended: 'no' });
    expect(turn.texts()).toEqual(['Updated.']);
    expect(await logs.get(COACH_ID, 'log-1')).toMatchObject({
      createdAt: '2026-11-20T15:00:00.000Z',
      month: '2026-10',
      entry: { date: '2026-10-30', attended: false, durationMinutes: 45 },
    });
  });

  it('shows an own recent log on the card to change it, with its own caseload reference', async () => {
    const { commands, logs } = setUp();
    await logs.add(stored('log-1', { entry: { ...stored('log-1').entry, caseloadRef: 'RIV-2' } }));
    const card = await cardSent(asCoach(), (turn) => commands.edit(turn, 'log-1'));
    expect(textOf(card)).toContain('Change a session log');
    expect(inputValue(card, 'date')).toBe('2026-11-20');
    expect(inputValue(card, 'caseloadRef')).toBe('RIV-2');
    expect(buttonsOf(card)[0]?.data).toEqual({ verb: 'session.save', logId: 'log-1' });
  });

  it('deletes an own recent log', async () => {
    const { commands, logs } = setUp();
    await logs.add(stored('log-1'));
    const turn = recordedTurn(asCoach());
    await commands.remove(turn, 'log-1');
    expect(turn.texts()).toEqual(['Deleted that log.']);
    expect(await logs.get(COACH_ID, 'log-1')).toBeUndefined();
  });

  it("refuses to change or delete a log past the edit window, or someone else's", async () => {
    const { commands, logs } = setUp();
    await logs.add(stored('old', { createdAt: '2026-11-15T09:00:00.000Z' }));
    await logs.add(stored('theirs', { coachId: SECOND_COACH.aadObjectId.toLowerCase() }));
    const turn = recordedTurn(asCoach());
    await commands.edit(turn, 'old');
    await commands.save(turn, { ...entry, logId: 'old' });
    await commands.remove(turn, 'old');
    await commands.remove(turn, 'theirs');
    const cannot = (what: string, done: string): string =>
      `You can ${what} your own logs for 7 days after logging them; that one can't be ${done} now.`;
    expect(turn.texts()).toEqual([
      cannot('change', 'changed'),
      cannot('change', 'changed'),
      cannot('delete', 'deleted'),
      cannot('delete', 'deleted'),
    ]);
    expect(await logs.get(COACH_ID, 'old')).toEqual(
      stored('old', { createdAt: '2026-11-15T09:00:00.000Z' }),
    );
    expect(await logs.get(SECOND_COACH.aadObjectId.toLowerCase(), 'theirs')).toBeDefined();
  });
});

describe("a coach's caseload", () => {
  it("counts this month's logs, and lists the ones that can still be changed, newest first", async () => {
    const { commands, logs } = setUp();
    await logs.add(stored('a', { entry: { ...stored('a').entry, date: '2026-11-18' } }));
    await logs.add(
      stored('b', { entry: { ...stored('b').entry, date: '2026-11-21', mode: 'video' } }),
    );
    await logs.add(
      stored('c', {
        createdAt: '2026-11-02T09:00:00.000Z',
        entry: { ...stored('c').entry, date: '2026-11-02', attended: false },
      }),
    );
    await logs.add(stored('october', { month: '2026-10' }));
    await logs.add(stored('theirs', { coachId: SECOND_COACH.aadObjectId.toLowerCase() }));
    const card = await cardSent(asCoach(), (turn) => commands.caseload(turn));
    expect(textOf(card)).toContain('My caseload: November 2026');
    expect(factsOf(card)).toEqual({
      'Sessions logged': '3',
      Attended: '2 (2 hours)',
      'Did not attend': '1',
      'Phone / video / face to face': '1 / 1 / 0',
      '1:1 / group': '2 / 0',
      'First / follow-up / final': '0 / 2 / 0',
    });
    expect(textOf(card)).toContain('21 Nov: 60 min, video, attended');
    expect(buttonsOf(card).filter((b) => b.data.verb === 'session.delete')).toEqual([
      { title: 'Delete', data: { verb: 'session.delete', logId: 'b' } },
      { title: 'Delete', data: { verb: 'session.delete', logId: 'a' } },
    ]);
    expect(linksOf(card)).toEqual([]);
  });
});

describe("the leads' activity report", () => {
  it('shows PCN totals for the month, never individual logs, with a CSV link for the lead', async () => {
    const { commands, logs, referrals } = setUp();
    await logs.add(stored('a'));
    await logs.add(
      stored('b', {
        coachId: SECOND_COACH.aadObjectId.toLowerCase(),
        entry: { ...stored('b').entry, attended: false },
      }),
    );
    await logs.add(stored('other-tenant', { tenantId: 'tenant-2' }));
    await referrals.add('r1', referral());
    await referrals.add(
      'r2',
      referral({ primaryRoute: 'splw', completedAt: '2026-11-11T10:00:00.000Z' }),
    );
    await referrals.add('r3', referral({ outcome: 'urgent', primaryRoute: null }));
    const card = await cardSent(asLead(), (turn) => commands.report(turn));
    expect(textOf(card)).toContain('Activity report: November 2026');
    expect(textOf(card)).toContain('Individual session logs are not shown to leads.');
    expect(factsOf(card)).toEqual({
      'Coaches logging': '2',
      'Sessions logged': '2',
      Attended: '1 (1 hour)',
      'Did not attend': '1',
      'Referral conversations': '3',
      'Suggested coach / link worker / care coordinator': '1 / 1 / 0',
      'Urgent routes': '1',
    });
    expect(buttonsOf(card).filter((b) => b.data.verb === 'session.delete')).toEqual([]);
    expect(linksOf(card)).toEqual([
      {
        title: 'Download CSV',
        url: `https://bot.example.test/reports/activity/${TENANT}/2026-11?u=${LEAD.aadObjectId}`,
      },
    ]);
  });

  it("counts only the caller's tenant", async () => {
    const { commands, logs } = setUp();
    await logs.add(stored('a'));
    const turn = recordedTurn(callerAs(LEAD, { tenantId: 'tenant-2' }));
    await commands.report(turn);
    expect(factsOf(turn.cards()[0])).toMatchObject({
      'Coaches logging': '0',
      'Sessions logged': '0',
    });
  });
});

describe('session logs: dates and lengths as people read them', () => {
  it('says lengths in hours and minutes', () => {
    expect([15, 45, 60, 90, 61, 120, 195].map(hoursAndMinutes)).toEqual([
      '15 minutes',
      '45 minutes',
      '1 hour',
      '1 hour 30 minutes',
      '1 hour 1 minute',
      '2 hours',
      '3 hours 15 minutes',
    ]);
  });
});
