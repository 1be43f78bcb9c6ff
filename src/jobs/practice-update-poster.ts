import { planBroadcast, type ChannelTarget } from '../domain/broadcast/broadcast';
import type { Clock } from '../domain/clock';
import type { PcnConfig } from '../domain/pcn-config';
import {
  summarisePracticeMonth,
  type CaseMilestones,
  type PracticeMonth,
} from '../domain/referral-loop/practice-month';
import { practiceUpdateDue } from '../domain/referral-loop/practice-update-schedule';
import type { BankHolidayCalendar } from '../domain/supervision/bank-holidays';
import type { Logger } from '../logger';
import type { BroadcastRepository } from '../store/broadcast.repository';
import type { ConversationRepository } from '../store/conversation.repository';
import { PeriodicJob } from './periodic-job';

/** Who the broadcasts store names as the maker of these posts: the bot, not a lead. */
export const PRACTICE_UPDATE_CREATOR = 'practice-updates';

/** The broadcast job of one practice's card for one month: the same id every pass. */
export function practiceUpdateJobId(month: string, odsCode: string): string {
  return `practice-update-${month}-${odsCode}`;
}

export interface PracticeUpdateDeps {
  broadcasts: BroadcastRepository;
  conversations: ConversationRepository;
  pcn: PcnConfig;
  tenantId: string;
  /** The milestones of the PCN's referrals made in the month (London time). */
  milestones(month: string): Promise<CaseMilestones[]>;
  /** The practice card's content (cards/referral-loop/practice-month.card.ts, given by app.ts). */
  renderCard(
    summary: PracticeMonth,
    practiceName: string,
    threshold: number,
  ): Record<string, unknown>;
  holidays: BankHolidayCalendar;
  clock: Clock;
  logger: Logger;
}

/**
 * Once a month (from 09:00 London on the first working day), each practice that names its channel
 * gets last month's card there. The card is handed to the channel-post sender as a broadcast job
 * of its own, whose id is made from the month and the practice: the sender keeps the Teams limits,
 * retries and never posts a delivery twice, and a second pass (or another instance) finds the job
 * and adds nothing, so each practice's card goes exactly once a month.
 */
export class PracticeUpdatePoster extends PeriodicJob {
  constructor(
    private readonly deps: PracticeUpdateDeps,
    pollMs: number,
  ) {
    super(deps.logger, pollMs, 'practice_update_pass_failed');
  }

  /** One pass: returns how many practices' cards were handed to the sender. */
  async runOnce(): Promise<number> {
    const { pcn, tenantId, clock, holidays, broadcasts, logger } = this.deps;
    const now = clock.now();
    const month = practiceUpdateDue(now, holidays);
    const practices = pcn.practices.filter((p) => p.channelConversationId !== undefined);
    if (month === null || practices.length === 0) {
      return 0;
    }
    const waiting: typeof practices = [];
    for (const practice of practices) {
      const existing = await broadcasts.getJob(practiceUpdateJobId(month, practice.odsCode));
      if (existing === undefined || existing.status === 'creating') {
        waiting.push(practice);
      }
    }
    if (waiting.length === 0) {
      return 0;
    }
    const threshold = pcn.reporting.smallNumberThreshold;
    const summaries = summarisePracticeMonth(
      await this.deps.milestones(month),
      month,
      waiting.map((p) => p.odsCode),
      threshold,
    );
    const channels = await this.deps.conversations.listActive(tenantId, 'channel');
    let handed = 0;
    for (const [index, practice] of waiting.entries()) {
      const summary = summaries[index];
      const stored = channels.find((c) => c.channelId === practice.channelConversationId);
      if (summary === undefined || stored?.teamId === undefined || stored.channelId === undefined) {
        // The app is not in that channel's team yet: nothing is stored, so a later pass tries again.
        logger.warn('practice_update_channel_unknown', { practice: practice.odsCode, month });
        continue;
      }
      const target: ChannelTarget = {
        teamId: stored.teamId,
        teamName: stored.teamName ?? 'Team',
        channelId: stored.channelId,
        channelName: stored.channelName ?? 'Channel',
        serviceUrl: stored.serviceUrl,
      };
      const content = this.deps.renderCard(
        summary,
        `${practice.name} (${practice.odsCode})`,
        threshold,
      );
      const plan = planBroadcast(
        {
          jobId: practiceUpdateJobId(month, practice.odsCode),
          tenantId,
          createdBy: PRACTICE_UPDATE_CREATOR,
          createdByName: 'Monthly practice update',
          audience: 'practice',
          cards: [{ key: 'practice-month', title: 'Monthly coaching update', content }],
          targets: [target],
          repeatWeeks: 1,
        },
        now,
      );
      if ('problem' in plan) {
        continue;
      }
      await broadcasts.createJob(plan.job, plan.deliveries);
      logger.info('practice_update_queued', { practice: practice.odsCode, month });
      handed += 1;
    }
    return handed;
  }
}
