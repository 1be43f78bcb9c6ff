import { renderWeeklyDigestCard } from '../../cards/digest/digest.cards';
import type { PersonalChat } from '../../dialogs/personal-chat';
import type { DigestMessage, DigestMessenger, ReminderResult } from '../../jobs/ports';
import type { Logger } from '../../logger';
import { sendPersonalCard } from './send-personal-card';

/** Sends the weekly digest card in the person's 1:1 chat, opening it if need be. */
export class BotDigestMessenger implements DigestMessenger {
  constructor(
    private readonly chat: PersonalChat,
    private readonly logger: Logger,
  ) {}

  async sendDigest(message: DigestMessage): Promise<ReminderResult> {
    const card = renderWeeklyDigestCard({
      weekOf: message.weekOf,
      when: message.when,
      blocks: message.blocks.map((b) => ({ title: b.title, lines: [...b.lines] })),
    });
    return sendPersonalCard(this.chat, message.tenantId, message.userId, card, (failure) =>
      this.logger.warn('digest_not_delivered', { status: failure.status }),
    );
  }
}
