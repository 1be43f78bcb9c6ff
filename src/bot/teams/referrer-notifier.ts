import {
  referralUpdateCardData,
  renderReferralUpdateCard,
} from '../../cards/referral/referral-case.cards';
import type { PersonalChat } from '../../dialogs/personal-chat';
import type { PcnConfig } from '../../domain/pcn-config';
import type { ReferralCase } from '../../domain/referral-loop/referral-case';
import type { ReferrerNotifier, ReminderResult } from '../../jobs/ports';
import { sendPersonalCard } from './send-personal-card';

/** Sends a referrer the day's update on one referral, in their 1:1 chat with the bot. */
export class BotReferrerNotifier implements ReferrerNotifier {
  constructor(
    private readonly chat: PersonalChat,
    private readonly pcn: PcnConfig,
  ) {}

  async sendUpdate(
    referralCase: ReferralCase,
    changes: ReferralCase['pendingUpdates'],
  ): Promise<ReminderResult> {
    const card = renderReferralUpdateCard(referralUpdateCardData(referralCase, this.pcn, changes));
    return sendPersonalCard(this.chat, referralCase.tenantId, referralCase.referrerId, card);
  }
}
