import { DateTime } from 'luxon';
import { planBroadcast, type Delivery } from '../../../src/domain/broadcast/broadcast';
import {
  cancelWaiting,
  notStarted,
  retryFailed,
  skipOccurrence,
  upcomingOccurrences,
} from '../../../src/domain/broadcast/post-changes';
import { channel } from '../../helpers/channel-target';

const NOW = DateTime.fromISO('2026-11-23T09:00:00Z', { zone: 'utc' });

/** A weekly post of one card to two channels, three weeks from Monday 30 November at 10:00. */
function weekly() {
  const plan = planBroadcast(
    {
      jobId: 'job',
      tenantId: 't',
      createdBy: 'lead',
      createdByName: 'Sam Lead',
      audience: 'general',
      cards: [{ key: 'what', title: 'What', content: {} }],
      targets: [
        channel('https://smba.example.test/', 'a'),
        channel('https://smba.example.test/', 'b'),
      ],
      startLocal: { date: '2026-11-30', time: '10:00' },
      repeatWeeks: 3,
    },
    NOW,
  );
  if ('problem' in plan) {
    throw new Error(plan.problem);
  }
  return { job: { ...plan.job, status: 'active' as const }, deliveries: plan.deliveries };
}

const apply = (
  deliveries: readonly Delivery[],
  revise: (d: Delivery) => Delivery | undefined,
): Delivery[] => deliveries.map((d) => revise(d) ?? d);

describe('changes a lead makes to a post', () => {
  it('retry puts back only failed deliveries, due now with fresh attempts; never uncertain or sent ones', () => {
    const { deliveries } = weekly();
    const [a, b, c, ...rest] = deliveries;
    const marked = [
      { ...a!, status: 'failed' as const, attempts: 6, lastError: 'HTTP 503' },
      { ...b!, status: 'uncertain' as const, attempts: 1 },
      { ...c!, status: 'sent' as const, attempts: 1 },
      ...rest,
    ];
    const after = apply(marked, retryFailed('2026-11-30T11:00:00.000Z'));
    expect(after[0]).toMatchObject({
      status: 'pending',
      attempts: 0,
      dueAt: '2026-11-30T11:00:00.000Z',
      lastError: null,
      leaseOwner: null,
    });
    expect(after.slice(1, 3).map((d) => d.status)).toEqual(['uncertain', 'sent']);
    // Applied again: nothing more to change.
    expect(after.map(retryFailed('2026-11-30T11:00:00.000Z')).filter(Boolean)).toEqual([]);
  });

  it('lists only weeks still ahead with every post waiting, and skips one week only', () => {
    const { job, deliveries } = weekly();
    expect(upcomingOccurrences(job, deliveries, NOW).map((u) => u.occurrence)).toEqual([0, 1, 2]);
    // Week 0 has started going out: not offered, so a skip never half-cancels a week.
    const started = deliveries.map((d, i) =>
      i === 0 ? { ...d, status: 'sending' as const, attempts: 1 } : d,
    );
    expect(upcomingOccurrences(job, started, NOW).map((u) => u.occurrence)).toEqual([1, 2]);
    const skipped = apply(deliveries, skipOccurrence(1));
    expect(skipped.map((d) => `${d.occurrence}:${d.status}`)).toEqual([
      '0:pending',
      '0:pending',
      '1:cancelled',
      '1:cancelled',
      '2:pending',
      '2:pending',
    ]);
    expect(upcomingOccurrences(job, skipped, NOW).map((u) => u.occurrence)).toEqual([0, 2]);
    expect(upcomingOccurrences({ ...job, status: 'cancelled' }, deliveries, NOW)).toEqual([]);
    // After its time, a week is no longer to come.
    const later = DateTime.fromISO('2026-11-30T10:00:00Z', { zone: 'utc' });
    expect(upcomingOccurrences(job, deliveries, later).map((u) => u.occurrence)).toEqual([1, 2]);
  });

  it('can be changed as a whole only while nothing has gone and its first time is more than a minute away', () => {
    const { job, deliveries } = weekly();
    expect(notStarted(job, deliveries, NOW)).toBe(true);
    expect(notStarted(job, deliveries, DateTime.fromISO('2026-11-30T09:59:30Z'))).toBe(false);
    const oneSent = deliveries.map((d, i) => (i === 0 ? { ...d, status: 'sent' as const } : d));
    expect(notStarted(job, oneSent, NOW)).toBe(false);
    expect(notStarted({ ...job, status: 'cancelled' }, deliveries, NOW)).toBe(false);
    expect(apply(oneSent, cancelWaiting).map((d) => d.status)).toEqual([
      'sent',
      'cancelled',
      'cancelled',
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
  });
});
