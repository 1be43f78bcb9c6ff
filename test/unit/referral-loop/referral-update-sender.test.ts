import { DateTime } from 'luxon';
import {
  referralCaseCardData,
  referralUpdateCardData,
} from '../../../src/cards/referral/referral-case.cards';
import type { Clock } from '../../../src/domain/clock';
import type { ReferralCase } from '../../../src/domain/referral-loop/referral-case';
import { ReferralUpdateSender } from '../../../src/jobs/referral-update-sender';
import type { ReferrerNotifier, ReminderResult } from '../../../src/jobs/ports';
import { createLogger } from '../../../src/logger';
import { MemoryRateGate } from '../../../src/store/memory/rate-window.memory-store';
import { MemoryReferralCaseRepository } from '../../../src/store/memory/referral-case.memory-repository';
import { examplePcn } from '../../helpers/pcn';
import { referralCase } from '../../helpers/referral-case-fixtures';

/** A notifier that keeps what it was asked to send, and answers as told. */
class RecordingNotifier implements ReferrerNotifier {
  readonly sent: Array<{ reference: string; changes: string[] }> = [];
  answer: ReminderResult = { kind: 'sent' };
  sendUpdate(c: ReferralCase, changes: ReferralCase['pendingUpdates']): Promise<ReminderResult> {
    if (this.answer.kind === 'sent') {
      this.sent.push({ reference: c.reference, changes: changes.map((u) => u.state) });
    }
    return Promise.resolve(this.answer);
  }
}

function setUp() {
  const cases = new MemoryReferralCaseRepository();
  const notifier = new RecordingNotifier();
  const time = { now: DateTime.fromISO('2026-11-24T10:00:00Z', { zone: 'utc' }) };
  const clock: Clock = { now: () => time.now };
  const sender = new ReferralUpdateSender(
    { cases, pcnKey: 'riverside', notifier, clock, logger: createLogger('error', () => undefined) },
    60_000,
  );
  /** Record a change on the stored case, as the service does. */
  const change = async (state: ReferralCase['state'], at: string) => {
    const current = await cases.get('riverside', 'HC-7K3Q');
    if (!current) {
      throw new Error('no case');
    }
    await cases.replaceIfUnchanged(current, {
      ...current.value,
      state,
      pendingUpdates: [...current.value.pendingUpdates, { state, at }],
    });
  };
  return { cases, notifier, time, sender, change };
}

describe('the referrer hears back, at most once a day per referral', () => {
  it('batches the day’s changes into one update and sends nothing more that day', async () => {
    const { cases, notifier, sender, change, time } = setUp();
    await cases.create(referralCase());
    await change('accepted', '2026-11-24T09:00:00.000Z');
    await change('first-session', '2026-11-24T09:30:00.000Z');
    expect(await sender.runOnce()).toBe(1);
    expect(notifier.sent).toEqual([
      { reference: 'HC-7K3Q', changes: ['accepted', 'first-session'] },
    ]);
    // Another change the same day waits for tomorrow; a second pass sends nothing.
    await change('closed', '2026-11-24T16:00:00.000Z');
    expect(await sender.runOnce()).toBe(0);
    expect(notifier.sent).toHaveLength(1);
    time.now = DateTime.fromISO('2026-11-25T08:00:00Z', { zone: 'utc' });
    expect(await sender.runOnce()).toBe(1);
    expect(await sender.runOnce()).toBe(0);
    expect(notifier.sent[1]).toEqual({ reference: 'HC-7K3Q', changes: ['closed'] });
    expect((await cases.get('riverside', 'HC-7K3Q'))?.value.lastUpdateOn).toBe('2026-11-25');
  });

  it('of two instances passing at once, exactly one sends the update', async () => {
    const { cases, notifier, change } = setUp();
    await cases.create(referralCase());
    await change('accepted', '2026-11-24T09:00:00.000Z');
    const clock: Clock = { now: () => DateTime.fromISO('2026-11-24T10:00:00Z', { zone: 'utc' }) };
    const instance = () =>
      new ReferralUpdateSender(
        {
          cases,
          pcnKey: 'riverside',
          notifier,
          clock,
          logger: createLogger('error', () => undefined),
        },
        60_000,
      );
    const sent = await Promise.all([instance().runOnce(), instance().runOnce()]);
    expect(sent.reduce((a, b) => a + b, 0)).toBe(1);
    expect(notifier.sent).toHaveLength(1);
  });

  it('puts an update Teams throttled back, to be sent on a later pass', async () => {
    const { cases, notifier, sender, change } = setUp();
    await cases.create(referralCase());
    await change('accepted', '2026-11-24T09:00:00.000Z');
    notifier.answer = { kind: 'retry', afterMs: 1000, reason: 'throttled' };
    expect(await sender.runOnce()).toBe(0);
    const kept = (await cases.get('riverside', 'HC-7K3Q'))?.value;
    expect(kept?.pendingUpdates.map((u) => u.state)).toEqual(['accepted']);
    expect(kept?.lastUpdateOn).toBeNull();
    notifier.answer = { kind: 'sent' };
    expect(await sender.runOnce()).toBe(1);
    expect(notifier.sent).toEqual([{ reference: 'HC-7K3Q', changes: ['accepted'] }]);
  });
});

describe('updates take their slot of Teams’ tenant limit', () => {
  it('waits for the shared rate gate between sends, on the clock the gate reads', async () => {
    const cases = new MemoryReferralCaseRepository();
    const notifier = new RecordingNotifier();
    const time = { now: DateTime.fromISO('2026-11-24T10:00:00Z', { zone: 'utc' }) };
    const waits: number[] = [];
    const sender = new ReferralUpdateSender(
      {
        cases,
        pcnKey: 'riverside',
        notifier,
        clock: { now: () => time.now },
        logger: createLogger('error', () => undefined),
        rateGate: { gate: new MemoryRateGate(), tenantLimits: [{ limit: 1, seconds: 10 }] },
        sleep: (ms) => {
          waits.push(ms);
          time.now = time.now.plus({ milliseconds: ms });
          return Promise.resolve();
        },
      },
      60_000,
    );
    const news = [{ state: 'accepted' as const, at: '2026-11-24T09:00:00.000Z' }];
    await cases.create(referralCase({ pendingUpdates: news }));
    await cases.create(referralCase({ reference: 'HC-2B3C', sendKey: 's2', pendingUpdates: news }));
    expect(await sender.runOnce()).toBe(2);
    // One send a 10 s window: the second waited for the first's slot to leave it.
    expect(waits.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(10_000);
    expect(notifier.sent.map((s) => s.reference).sort()).toEqual(['HC-2B3C', 'HC-7K3Q']);
  });
});

describe('clinical codes on the referral cards', () => {
  const withCodes = examplePcn((raw) => {
    const routes = raw.routes as Record<string, Record<string, unknown>>;
    routes.hwbc = {
      ...routes.hwbc,
      referralCodes: [{ conceptId: '1234567', term: 'Referral to health coach' }],
      declinedCodes: [{ conceptId: '2345678', term: 'Health coaching declined' }],
      seenCodes: [{ conceptId: '3456789', term: 'Seen by health coach' }],
    };
  });
  const without = examplePcn();

  it('name the PCN’s code for the state: referral made, declined, seen', () => {
    expect(referralCaseCardData(referralCase(), withCodes).codes).toEqual([
      { conceptId: '1234567', term: 'Referral to health coach' },
    ]);
    expect(
      referralCaseCardData(referralCase({ state: 'not-for-coaching' }), withCodes).codes,
    ).toEqual([{ conceptId: '2345678', term: 'Health coaching declined' }]);
    const update = referralUpdateCardData(referralCase({ state: 'first-session' }), withCodes, [
      { state: 'first-session', at: '2026-11-24T10:00:00.000Z' },
    ]);
    expect(update.changes[0]?.record).toBe('To record (seen): 3456789 Seen by health coach');
  });

  it('say to use the practice’s template where the PCN set none, never a made-up code', () => {
    expect(referralCaseCardData(referralCase({ state: 'first-session' }), without).codes).toEqual(
      [],
    );
    const update = referralUpdateCardData(referralCase({ state: 'first-session' }), without, [
      { state: 'first-session', at: '2026-11-24T10:00:00.000Z' },
    ]);
    expect(update.changes[0]?.record).toMatch(/use your practice's template/);
    expect(update.changes[0]?.record).not.toMatch(/[0-9]{6,}/);
  });
});
