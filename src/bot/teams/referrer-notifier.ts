import {
  referralUpdateCardData,
  renderReferralUpdateCard,
} from '../../cards/referral/referral-case.cards';
import type { PersonalChat } from '../../dialogs/personal-chat';
import type { PcnConfig } from '../../domain/pcn-config';
import type { ReferralCase } from '../../domain/referral-loop/referral-case';
import type { ReferrerNotifier, ReminderResult } from '../../jobs/ports';
import { connectorFailure, isTransient } from './connector-failure';

const DEFAULT_RETRY_MS = 60_000;

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
    try {
      const sent = await this.chat.send(referralCase.tenantId, referralCase.referrerId, [
        { attachments: [card] },
      ]);
      return sent === 'sent'
        ? { kind: 'sent' }
        : { kind: 'unreachable', reason: 'no conversation known in the tenant' };
    } catch (error) {
      const failure = connectorFailure(error);
      return isTransient(failure)
        ? {
            kind: 'retry',
            afterMs: failure.retryAfterMs ?? DEFAULT_RETRY_MS,
            reason: failure.message,
          }
        : { kind: 'unreachable', reason: failure.message };
    }
  }
}
