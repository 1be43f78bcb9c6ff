import {
  practiceMonthCardData,
  renderPracticeMonthCard,
} from '../../../src/cards/referral-loop/practice-month.card';
import { fixedClock } from '../../../src/domain/clock';
import type { PcnConfig } from '../../../src/domain/pcn-config';
import type { CaseMilestones } from '../../../src/domain/referral-loop/practice-month';
import { englandAndWalesBankHolidays } from '../../../src/domain/supervision/bank-holidays';
import {
  PracticeUpdatePoster,
  practiceUpdateJobId,
} from '../../../src/jobs/practice-update-poster';
import { createLogger } from '../../../src/logger';
import { MemoryBroadcastRepository } from '../../../src/store/memory/broadcast.memory-repository';
import { MemoryConversationRepository } from '../../../src/store/memory/conversation.memory-repository';
import { factsOf } from '../../helpers/card-content';
import { examplePcn } from '../../helpers/pcn';
import { TENANT } from '../../helpers/recorded-turn';

const CHANNEL = '19:riverside-practice@thread.tacv2';

async function setUp(at: string, options: { storeChannel?: boolean } = {}) {
  const base = examplePcn();
  const [first, ...rest] = base.practices;
  if (first === undefined) {
    throw new Error('the example PCN has no practice');
  }
  const pcn: PcnConfig = {
    ...base,
    practices: [{ ...first, channelConversationId: CHANNEL }, ...rest],
  };
  const broadcasts = new MemoryBroadcastRepository();
  const conversations = new MemoryConversationRepository();
  if (options.storeChannel ?? true) {
    await conversations.upsert({
      tenantId: TENANT,
      conversationId: CHANNEL,
      kind: 'channel',
      serviceUrl: 'https://smba.example.test/uk/',
      teamId: '19:team@thread.tacv2',
      teamName: 'Riverside PCN',
      channelId: CHANNEL,
      channelName: 'Practice',
      active: true,
      updatedAt: '2026-11-01T09:00:00.000Z',
      reference: {},
    });
  }
  const milestones: CaseMilestones[] = Array.from({ length: 12 }, (_unused, i) => ({
    practice: first.odsCode,
    createdAt: '2026-11-10T10:00:00.000Z',
    ...(i < 6 ? { acceptedAt: '2026-11-11T10:00:00.000Z' } : {}),
  }));
  const lines: string[] = [];
  const clock = fixedClock(at);
  const poster = new PracticeUpdatePoster(
    {
      broadcasts,
      conversations,
      pcn,
      tenantId: TENANT,
      milestones: () => Promise.resolve(milestones),
      renderCard: (summary, name, threshold) =>
        renderPracticeMonthCard(practiceMonthCardData(summary, name, threshold)).content,
      holidays: englandAndWalesBankHolidays(),
      clock,
      logger: createLogger('debug', (line) => lines.push(line)),
    },
    60_000,
  );
  return { poster, broadcasts, clock, lines, practice: first };
}

describe('monthly practice cards: handed to the channel-post sender once', () => {
  it("queues last month's card for the practice's channel at 09:00 on the first working day", async () => {
    const { poster, broadcasts, practice } = await setUp('2026-12-01T09:00:00Z');
    expect(await poster.runOnce()).toBe(1);
    const jobId = practiceUpdateJobId('2026-11', practice.odsCode);
    const job = await broadcasts.getJob(jobId);
    expect(job?.status).toBe('active');
    expect(job?.targets.map((t) => t.channelId)).toEqual([CHANNEL]);
    expect(factsOf(job?.cards[0]?.content)).toMatchObject({
      'Referrals made': '12',
      'Accepted by the coaching team': '6',
    });
    const deliveries = await broadcasts.listDeliveries(jobId);
    expect(deliveries.map((d) => [d.status, d.dueAt])).toEqual([
      ['pending', '2026-12-01T09:00:00.000Z'],
    ]);
  });

  it('adds nothing on a later pass, the same day or later in the month', async () => {
    const { poster, broadcasts, clock, practice } = await setUp('2026-12-01T09:00:00Z');
    await poster.runOnce();
    clock.set('2026-12-01T09:01:00Z');
    expect(await poster.runOnce()).toBe(0);
    clock.set('2026-12-15T12:00:00Z');
    expect(await poster.runOnce()).toBe(0);
    expect(
      await broadcasts.listDeliveries(practiceUpdateJobId('2026-11', practice.odsCode)),
    ).toHaveLength(1);
  });

  it('waits until 09:00 London on the first working day', async () => {
    const { poster, broadcasts, practice } = await setUp('2026-12-01T08:59:00Z');
    expect(await poster.runOnce()).toBe(0);
    expect(
      await broadcasts.getJob(practiceUpdateJobId('2026-11', practice.odsCode)),
    ).toBeUndefined();
  });

  it('leaves a practice whose channel the app is not in, and tries again on a later pass', async () => {
    const { poster, broadcasts, lines, practice } = await setUp('2026-12-01T09:00:00Z', {
      storeChannel: false,
    });
    expect(await poster.runOnce()).toBe(0);
    expect(
      await broadcasts.getJob(practiceUpdateJobId('2026-11', practice.odsCode)),
    ).toBeUndefined();
    expect(lines.some((l) => l.includes('practice_update_channel_unknown'))).toBe(true);
  });
});
