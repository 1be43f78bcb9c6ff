import { DateTime } from 'luxon';
import {
  deliveriesCsv,
  occurrenceTimes,
  planBroadcast,
  summarise,
  type BroadcastRequest,
} from '../../../src/domain/broadcast/broadcast';
import {
  earliestSlot,
  pacedSpacing,
  pruneHistory,
  TEAMS_THREAD_LIMITS,
  worstWindowUse,
} from '../../../src/domain/broadcast/rate-limits';
import {
  afterFailure,
  DEFAULT_RETRY,
  parseRetryAfter,
} from '../../../src/domain/broadcast/retry-policy';
import { interleaveByChannel } from '../../../src/domain/broadcast/send-order';
import { signLink, verifyLink } from '../../../src/domain/signed-link';
import { readDraft } from '../../../src/dialogs/broadcast/broadcast-draft';

describe('rate limits', () => {
  it('allows the 7th send in a second and holds the 8th until the first leaves the window', () => {
    const six = [0, 10, 20, 30, 40, 50];
    expect(earliestSlot(six, TEAMS_THREAD_LIMITS, 60)).toBe(60);
    const seven = [...six, 60];
    expect(earliestSlot(seven, TEAMS_THREAD_LIMITS, 70)).toBe(1001);
  });

  it('applies the 8 per 2 seconds window too', () => {
    const eight = [0, 100, 200, 300, 400, 500, 1100, 1200];
    // 7 in the last second is fine, but 8 in two seconds means waiting until the first is 2 s old.
    expect(earliestSlot(eight, TEAMS_THREAD_LIMITS, 1300)).toBe(2001);
  });

  it('applies the 60 per 30 seconds window', () => {
    const sixty = Array.from({ length: 60 }, (_v, i) => i * 400);
    expect(earliestSlot(sixty, TEAMS_THREAD_LIMITS, 24_000)).toBe(30_001);
  });

  it('widens windows by a safety margin', () => {
    expect(earliestSlot([0, 1, 2, 3, 4, 5, 6], TEAMS_THREAD_LIMITS, 10, 100)).toBe(1101);
  });

  it('forgets sends older than the longest window', () => {
    expect(pruneHistory([0, 5_000, 3_600_500], TEAMS_THREAD_LIMITS, 3_601_000)).toEqual([
      5_000, 3_600_500,
    ]);
  });

  it('keeps what the margin-widened window still counts, so the margin works for a 1 s limit', () => {
    const tenant = [{ limit: 50, seconds: 1 }];
    const burst = Array.from({ length: 50 }, (_v, i) => i);
    // 1.1 s after the burst: outside the plain 1 s window, inside the widened 1.5 s one.
    const kept = pruneHistory(burst, tenant, 1_100, 500);
    expect(kept).toEqual(burst);
    expect(earliestSlot(kept, tenant, 1_100, 500)).toBe(1_501);
    // Once the widened window has passed them, they go.
    expect(pruneHistory(burst, tenant, 1_600, 500)).toEqual([]);
  });

  it('paces sends: a gap after the latest, so a window is spread rather than sent in a burst', () => {
    const tenant = [{ limit: 50, seconds: 1 }];
    // 50 per 1.05 s, three quarters of the even gap: 15.75 ms.
    expect(pacedSpacing(tenant, 50)).toBeCloseTo(15.75);
    expect(earliestSlot([0], tenant, 5, 50, 15.75)).toBe(15.75);
    expect(earliestSlot([0], tenant, 20, 50, 15.75)).toBe(20);
    // The windows still hold: a full widened window waits for its oldest send to leave.
    const burst = Array.from({ length: 50 }, (_v, i) => i * 16);
    expect(earliestSlot(burst, tenant, 800, 50, 15.75)).toBe(1_051);
  });

  it('measures the busiest window in a history', () => {
    expect(worstWindowUse([0, 100, 200, 1_500, 1_600], { limit: 7, seconds: 1 })).toBe(3);
  });
});

describe('send order', () => {
  it('takes one delivery from each channel in turn, each channel in its own order', () => {
    const due = ['a1', 'a2', 'a3', 'b1', 'b2', 'c1'];
    expect(interleaveByChannel(due, (d) => d.charAt(0))).toEqual([
      'a1',
      'b1',
      'c1',
      'a2',
      'b2',
      'a3',
    ]);
    expect(interleaveByChannel([], (d: string) => d)).toEqual([]);
  });
});

describe('retry policy', () => {
  const random = () => 0.5;

  it.each([429, 412, 502, 503, 504])('retries %i', (status) => {
    expect(afterFailure(status, undefined, 1, DEFAULT_RETRY, random).kind).toBe('retry');
  });

  it('honours Retry-After', () => {
    expect(afterFailure(429, 7_000, 1, DEFAULT_RETRY, random)).toEqual({
      kind: 'retry',
      delayMs: 7_000,
      reason: 'HTTP 429',
    });
  });

  it('backs off exponentially with jitter, within a ceiling', () => {
    const delays = [1, 2, 3, 4].map((attempt) =>
      afterFailure(503, undefined, attempt, DEFAULT_RETRY, random),
    );
    expect(delays.map((d) => (d.kind === 'retry' ? d.delayMs : -1))).toEqual([
      750, 1_500, 3_000, 6_000,
    ]);
    const capped = afterFailure(
      503,
      undefined,
      5,
      { ...DEFAULT_RETRY, maxDelayMs: 4_000 },
      () => 1,
    );
    expect(capped).toMatchObject({ kind: 'retry', delayMs: 4_000 });
  });

  it('gives up on 403 (app removed) at once, and on anything after the last attempt', () => {
    expect(afterFailure(403, undefined, 1, DEFAULT_RETRY, random)).toMatchObject({
      kind: 'give-up',
      reason: expect.stringMatching(/no longer installed/),
    });
    expect(afterFailure(400, undefined, 1, DEFAULT_RETRY, random).kind).toBe('give-up');
    expect(
      afterFailure(503, undefined, DEFAULT_RETRY.maxAttempts, DEFAULT_RETRY, random).kind,
    ).toBe('give-up');
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(parseRetryAfter('3', 0)).toBe(3_000);
    expect(
      parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', Date.parse('Wed, 21 Oct 2026 07:27:58 GMT')),
    ).toBe(2_000);
    expect(parseRetryAfter(undefined, 0)).toBeUndefined();
  });
});

describe('planning a broadcast', () => {
  const now = DateTime.fromISO('2027-03-20T09:00:00Z');
  const target = {
    teamId: 'team',
    teamName: 'Riverside PCN',
    channelId: '19:general',
    channelName: 'General',
    serviceUrl: 'https://smba.example.test/',
  };
  const request: BroadcastRequest = {
    jobId: 'job-1',
    tenantId: 'tenant',
    createdBy: 'lead',
    createdByName: 'Sam Lead',
    audience: 'gp',
    cards: [
      { key: 'what', title: 'What a coach does', content: {} },
      { key: 'who', title: 'Who to refer', content: {} },
    ],
    targets: [target, { ...target, channelId: '19:news', channelName: 'News, "weekly"' }],
    startLocal: { date: '2027-03-22', time: '10:00' },
    repeatWeeks: 2,
  };

  it('keeps 10:00 UK time across the clock change (GMT then BST)', () => {
    const times = occurrenceTimes({ date: '2027-03-22', time: '10:00' }, 2, now);
    expect(times).toEqual(['2027-03-22T10:00:00.000Z', '2027-03-29T09:00:00.000Z']);
  });

  it('refuses times in the past, far future, and bad repeat counts', () => {
    expect(occurrenceTimes({ date: '2027-03-19', time: '10:00' }, 1, now)).toEqual({
      problem: expect.stringMatching(/already passed/),
    });
    expect(occurrenceTimes({ date: '2028-06-01', time: '10:00' }, 1, now)).toEqual({
      problem: expect.stringMatching(/within the next year/),
    });
    expect(occurrenceTimes(undefined, 13, now)).toEqual({
      problem: expect.stringMatching(/between 1 and 12/),
    });
  });

  it('makes one delivery per card, channel and occurrence, with stable ids', () => {
    const plan = planBroadcast(request, now);
    if ('problem' in plan) {
      throw new Error(plan.problem);
    }
    expect(plan.deliveries).toHaveLength(8);
    expect(new Set(plan.deliveries.map((d) => d.deliveryId)).size).toBe(8);
    expect(plan.job.status).toBe('creating');
    expect(summarise(plan.deliveries)).toEqual({
      total: 8,
      sent: 0,
      pending: 8,
      failed: 0,
      cancelled: 0,
      uncertain: 0,
    });
  });

  it('writes a CSV report with quoting', () => {
    const plan = planBroadcast(request, now);
    if ('problem' in plan) {
      throw new Error(plan.problem);
    }
    const csv = deliveriesCsv(plan.job, plan.deliveries);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('team,channel,card,scheduled_for_utc,status,attempts,sent_at_utc,error');
    expect(lines).toHaveLength(9);
    expect(csv).toContain('"News, ""weekly"""');
  });

  it('neutralises team and channel names that a spreadsheet would run as formulas', () => {
    const evil = { ...target, teamName: '@SUM(A1)', channelName: '=HYPERLINK("http://evil","x")' };
    const plan = planBroadcast({ ...request, targets: [evil], repeatWeeks: 1 }, now);
    if ('problem' in plan) {
      throw new Error(plan.problem);
    }
    const lines = deliveriesCsv(plan.job, plan.deliveries).split('\r\n');
    expect(lines[1]).toMatch(
      /^'@SUM\(A1\),"'=HYPERLINK\(""http:\/\/evil"",""x""\)",What a coach does,.*,pending,0,,$/,
    );
  });
});

describe('signed download links', () => {
  const secret = 'x'.repeat(40);
  const link = signLink(secret, { resource: '/reports/a.csv', user: 'lead-1', expires: 1_000 });
  const query = new URLSearchParams(link.split('?')[1]);

  it('accepts its own link before expiry', () => {
    expect(verifyLink(secret, '/reports/a.csv', query, 999)).toEqual({ ok: true, user: 'lead-1' });
  });

  it('refuses expired, tampered, re-targeted or foreign links', () => {
    expect(verifyLink(secret, '/reports/a.csv', query, 1_001)).toEqual({
      ok: false,
      reason: 'expired',
    });
    const otherUser = new URLSearchParams(query);
    otherUser.set('u', 'lead-2');
    expect(verifyLink(secret, '/reports/a.csv', otherUser, 999)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(verifyLink(secret, '/reports/b.csv', query, 999)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(verifyLink('y'.repeat(40), '/reports/a.csv', query, 999)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(verifyLink(secret, '/reports/a.csv', new URLSearchParams(), 999)).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });
});

describe('reading the compose card', () => {
  const channels = [
    { teamId: 't', teamName: 'T', channelId: '19:a', channelName: 'A', serviceUrl: 's' },
  ];

  it('needs a card and a channel', () => {
    expect(readDraft({ channels: '19:a' }, channels)).toEqual({
      problem: 'Choose at least one card.',
    });
    expect(readDraft({ cards: 'what' }, channels)).toEqual({
      problem: 'Choose at least one channel.',
    });
    expect(readDraft({ cards: 'what', channels: '19:gone' }, channels)).toEqual({
      problem: 'Choose at least one channel.',
    });
  });

  it('needs a date and time to schedule', () => {
    expect(readDraft({ cards: 'what', channels: '19:a', when: 'later' }, channels)).toEqual({
      problem: expect.stringMatching(/date and a time/),
    });
  });

  it('reads a full draft, ignoring unknown card keys', () => {
    expect(
      readDraft(
        {
          cards: 'what,bogus,who',
          audience: 'nurse',
          channels: '19:a',
          when: 'later',
          date: '2027-01-05',
          time: '09:30',
          repeat: '3',
        },
        channels,
      ),
    ).toEqual({
      draft: {
        cards: ['what', 'who'],
        audience: 'nurse',
        targets: channels,
        startLocal: { date: '2027-01-05', time: '09:30' },
        repeatWeeks: 3,
      },
    });
  });
});
