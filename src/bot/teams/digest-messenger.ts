import { renderWeeklyDigestCard } from '../../cards/digest/digest.cards';
import type { PersonalChat } from '../../dialogs/personal-chat';
import type { DigestMessage, DigestMessenger, ReminderResult } from '../../jobs/ports';
import type { Logger } from '../../logger';
import { connectorFailure, isTransient } from './connector-failure';

/** When Teams is throttling or failing without saying how long to wait. */
const DEFAULT_RETRY_MS = 60_000;

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
    try {
      const sent = await this.chat.send(message.tenantId, message.userId, [
        { attachments: [card] },
      ]);
      return sent === 'unreachable'
        ? { kind: 'unreachable', reason: 'no conversation known in the tenant' }
        : { kind: 'sent' };
    } catch (error) {
      const failure = connectorFailure(error);
      this.logger.warn('digest_not_delivered', { status: failure.status });
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
