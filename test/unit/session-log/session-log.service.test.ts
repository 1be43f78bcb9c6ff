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
import { shortReference } from '../../../src/domain/sessions/short-reference';
import { examplePcn } from '../../helpers/pcn';

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
    pcn: examplePcn(),
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
        referralRef: null,
        practice: null,
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
    expect(turn.texts()).toEqual([`Updated ${shortReference('log-1')}.`]);
    expect(await logs.get(COACH_ID, 'log-1')).toMatchObject({
      createdAt: '2026-11-20T15:00:00.000Z',
      month: '2026-10',
      // Did not attend: no minutes kept.
      entry: { date: '2026-10-30', attended: false, durationMinutes: null },
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
    expect(turn.texts()).toEqual([`Deleted ${shortReference('log-1')}.`]);
    expect(await logs.get(COACH_ID, 'log-1')).toBeUndefined();
    // A second press finds nothing to delete, and says so rather than "Deleted".
    await commands.remove(turn, 'log-1');
    expect(turn.texts()[1]).toBe(
      `There is no log of yours with the reference ${shortReference('log-1')} now: it may already have been deleted.`,
    );
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
      `There is no log of yours with the reference ${shortReference('theirs')} now: it may already have been deleted.`,
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
    await logs.add(
      stored('october', {
        month: '2026-10',
        createdAt: '2026-10-20T15:00:00.000Z',
        entry: { ...stored('october').entry, date: '2026-10-20' },
      }),
    );
    await logs.add(stored('theirs', { coachId: SECOND_COACH.aadObjectId.toLowerCase() }));
    const card = await cardSent(asCoach(), (turn) => commands.caseload(turn));
    expect(textOf(card)).toContain('My caseload: November 2026');
    expect(factsOf(card)).toEqual({
      'Sessions logged': '3',
      Attended: '2 (2 hours)',
      'Did not attend': '1',
      'People seen': '2',
      'Phone / video / face to face': '1 / 1 / 0',
      '1:1 / group': '2 / 0',
      'First / follow-up / final': '0 / 2 / 0',
    });
    expect(textOf(card)).toContain(`${shortReference('b')}: 21 Nov: 1 hour, video, attended`);
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
    expect(factsOf(card)).toMatchObject({
      'Coaches logging': '2',
      'Sessions logged': '2',
      Attended: '1 (1 hour)',
      'Did not attend': '1',
      'People seen': '1',
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

describe('reported bugs in session logs', () => {
  it('refuses a session dated in the future (London time), keeping every value on the form', async () => {
    const { commands, logs } = setUp();
    const card = await cardSent(asCoach(), (turn) =>
      commands.save(turn, {
        ...entry,
        date: '2026-11-24',
        durationMinutes: '50',
        caseloadRef: 'RIV-9',
        referralRef: 'hc-7k3q',
      }),
    );
    expect(textOf(card)).toContain(
      'Not saved. The date is in the future: you can log a session once it has happened.',
    );
    expect(inputValue(card, 'date')).toBe('2026-11-24');
    expect(inputValue(card, 'durationMinutes')).toBe(50);
    expect(inputValue(card, 'pamLevel')).toBe('2');
    expect(inputValue(card, 'caseloadRef')).toBe('RIV-9');
    expect(inputValue(card, 'referralRef')).toBe('HC-7K3Q');
    expect(await logs.listForCoach(COACH_ID, '2026-11')).toEqual([]);
  });

  it('takes "today" in London: at 00:30 BST on 11 June (23:30 UTC on 10 June), 11 June is not the future', async () => {
    const { commands, clock } = setUp();
    clock.set('2026-06-10T23:30:00Z');
    const turn = recordedTurn(asCoach());
    await commands.save(turn, { ...entry, date: '2026-06-11' });
    expect(turn.texts()[0]).toMatch(/^Logged: 11 Jun/);
  });

  it('on 1 December lists the 30 November log, which is still within the edit window', async () => {
    const { commands, logs, clock } = setUp();
    clock.set('2026-12-01T09:00:00Z');
    await logs.add(
      stored('nov-30', {
        createdAt: '2026-11-30T16:00:00.000Z',
        entry: { ...stored('nov-30').entry, date: '2026-11-30' },
      }),
    );
    const card = await cardSent(asCoach(), (turn) => commands.caseload(turn));
    expect(textOf(card)).toContain('30 Nov');
    expect(buttonsOf(card).filter((b) => b.data.verb === 'session.delete')).toEqual([
      { title: 'Delete', data: { verb: 'session.delete', logId: 'nov-30' } },
    ]);
  });

  it('gives each listed log a Change button that opens the edit card, and its own short reference', async () => {
    const { commands, logs } = setUp();
    await logs.add(stored('a'));
    await logs.add(stored('b'));
    const card = await cardSent(asCoach(), (turn) => commands.caseload(turn));
    expect(buttonsOf(card).filter((b) => b.data.verb === 'session.edit')).toEqual([
      { title: 'Change', data: { verb: 'session.edit', logId: 'a' } },
      { title: 'Change', data: { verb: 'session.edit', logId: 'b' } },
    ]);
    const refA = shortReference('a');
    const refB = shortReference('b');
    expect(refA).toMatch(/^S-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(refA).not.toBe(refB);
    expect(textOf(card)).toContain(refA);
    expect(textOf(card)).toContain(refB);
    const edit = await cardSent(asCoach(), (turn) => commands.edit(turn, 'a'));
    expect(textOf(edit)).toContain(`Change a session log (${refA})`);
  });

  it('stores a did-not-attend session with no minutes and no outcome scores', async () => {
    const { commands, logs } = setUp();
    const turn = recordedTurn(asCoach(), 'dna-1');
    await commands.save(turn, {
      ...entry,
      attended: 'no',
      onsSatisfaction: '6',
      onsWorthwhile: '7',
      onsHappiness: '5',
      onsAnxiety: '3',
    });
    expect(turn.texts()).toEqual([
      "Logged: 20 Nov, did not attend. Type 'my caseload' to see this month.",
    ]);
    const [saved] = await logs.listForCoach(COACH_ID, '2026-11');
    expect(saved?.entry).toMatchObject({
      attended: false,
      durationMinutes: null,
      pamLevel: null,
      ons4: null,
    });
  });

  it('says lengths in hours and minutes when logging and on the caseload list', async () => {
    const { commands, logs } = setUp();
    const turn = recordedTurn(asCoach(), 'long-1');
    await commands.save(turn, { ...entry, durationMinutes: '90' });
    expect(turn.texts()[0]).toBe(
      "Logged: 20 Nov, 1 hour 30 minutes, attended. Type 'my caseload' to see this month.",
    );
    await logs.add(stored('hour'));
    const card = await cardSent(asCoach(), (t) => commands.caseload(t));
    expect(textOf(card)).toContain('20 Nov: 1 hour, phone, attended');
    expect(textOf(card)).not.toMatch(/\d min\b/);
  });
});

describe('the optional referral reference', () => {
  it('is stored upper-cased and shown on the listed log', async () => {
    const { commands, logs } = setUp();
    const turn = recordedTurn(asCoach(), 'with-referral');
    await commands.save(turn, { ...entry, referralRef: ' hc-7k3q ' });
    const [saved] = await logs.listForCoach(COACH_ID, '2026-11');
    expect(saved?.entry.referralRef).toBe('HC-7K3Q');
    const card = await cardSent(asCoach(), (t) => commands.caseload(t));
    expect(textOf(card)).toContain('attended (referral HC-7K3Q)');
    const edit = await cardSent(asCoach(), (t) => commands.edit(t, saved?.logId ?? ''));
    expect(inputValue(edit, 'referralRef')).toBe('HC-7K3Q');
  });

  it.each(['HC-12', 'HC-7K3QX', 'XY-7K3Q', '943 476 5919'])(
    'refuses %s, saves nothing, and does not echo it back',
    async (value) => {
      const { commands, logs } = setUp();
      const card = await cardSent(asCoach(), (turn) =>
        commands.save(turn, { ...entry, referralRef: value }),
      );
      expect(textOf(card)).toContain(
        'Not saved. Referral reference: give it as on the referral, like HC-7K3Q',
      );
      expect(inputValue(card, 'referralRef')).toBe('');
      expect(JSON.stringify(card)).not.toContain(value);
      expect(await logs.listForCoach(COACH_ID, '2026-11')).toEqual([]);
    },
  );
});

describe('a form refused for another reason', () => {
  it('comes back with both references kept when neither was the problem', async () => {
    const { commands } = setUp();
    const card = await cardSent(asCoach(), (turn) =>
      commands.save(turn, {
        ...entry,
        format: 'group',
        caseloadRef: 'RIV-9',
        referralRef: 'hc-7k3q',
      }),
    );
    expect(textOf(card)).toContain('Not saved. Group size: give the group size');
    expect(inputValue(card, 'caseloadRef')).toBe('RIV-9');
    expect(inputValue(card, 'referralRef')).toBe('HC-7K3Q');
    expect(inputValue(card, 'format')).toBe('group');
  });
});

describe('the practice a session was for', () => {
  it("starts at the coach's only practice, offers the PCN's practices, and refuses others", async () => {
    const { commands, logs } = setUp();
    // Sam Okoro works with one practice (Y00003) in the example PCN file.
    const card = await cardSent(callerAs(SECOND_COACH), (turn) => commands.start(turn));
    expect(inputValue(card, 'practice')).toBe('Y00003');
    const joCard = await cardSent(asCoach(), (turn) => commands.start(turn));
    expect(inputValue(joCard, 'practice')).toBe('none');
    const refused = await cardSent(asCoach(), (turn) =>
      commands.save(turn, { ...entry, practice: 'Z99999' }),
    );
    expect(textOf(refused)).toContain('Practice: choose one of the PCN’s practices.');
    const turn = recordedTurn(asCoach(), 'with-practice');
    await commands.save(turn, { ...entry, practice: 'Y00002' });
    expect((await logs.listForCoach(COACH_ID, '2026-11'))[0]?.entry.practice).toBe('Y00002');
  });
});

describe('caseload and report periods', () => {
  it('shows the period typed, or chosen on the card, and says so when it has not begun', async () => {
    const { commands, logs, clock } = setUp();
    clock.set('2026-12-01T09:00:00Z');
    await logs.add(stored('nov'));
    const typed = await cardSent(asCoach(), (t) =>
      commands.caseload(t, 'my caseload for November'),
    );
    expect(textOf(typed)).toContain('My caseload: November 2026');
    expect(factsOf(typed)).toMatchObject({ 'Sessions logged': '1' });
    expect(inputValue(typed, 'period')).toBe('2026-11');
    const chosen = await cardSent(asLead(), (t) => commands.report(t, '', '2026-Q4'));
    expect(textOf(chosen)).toContain('Activity report: Q4 2026 (October to December)');
    expect(buttonsOf(chosen)).toContainEqual({ title: 'Show', data: { verb: 'session.report' } });
    const future = await cardSent(asLead(), (t) => commands.report(t, 'activity report 2027'));
    expect(textOf(future)).toContain('Activity report: December 2026');
    expect(textOf(future)).toContain('2027 has not begun yet, so this is the current month.');
    const forged = await cardSent(asCoach(), (t) => commands.caseload(t, '', '../2026'));
    expect(textOf(forged)).toContain('My caseload: December 2026');
    expect(textOf(forged)).toContain('I couldn’t tell which month, quarter or year you meant');
  });
});
