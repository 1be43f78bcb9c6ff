import {
  renderSupervisionReminderCard,
  supervisionReminderData,
} from '../../cards/supervision/supervision.cards';
import type { CoachMessenger, ReminderMessage, ReminderResult } from '../../jobs/ports';
import type { Logger } from '../../logger';
import type { PersonalChat } from '../../dialogs/personal-chat';
import { connectorFailure, isTransient } from './connector-failure';

/** When Teams is throttling or failing without saying how long to wait. */
const DEFAULT_RETRY_MS = 60_000;

/**
 * Sends a coach their reminder in the 1:1 chat with the bot. If the coach has the app but the bot
 * has never talked to them, it opens the 1:1 chat first (Teams allows a bot to start a 1:1 chat
 * with a user who has the app).
 */
export class BotCoachMessenger implements CoachMessenger {
  constructor(
    private readonly chat: PersonalChat,
    private readonly logger: Logger,
  ) {}

  async sendReminder(message: ReminderMessage): Promise<ReminderResult> {
    const card = renderSupervisionReminderCard(
      supervisionReminderData(message.schedule, message.sessionStart, message.kind, message.late),
    );
    try {
      const sent = await this.chat.send(message.tenantId, message.schedule.coachId, [
        { attachments: [card] },
      ]);
      if (sent === 'unreachable') {
        return { kind: 'unreachable', reason: 'no conversation known in the tenant' };
      }
      return { kind: 'sent' };
    } catch (error) {
      const failure = connectorFailure(error);
      this.logger.warn('reminder_not_delivered', {
        scheduleId: message.schedule.scheduleId,
        status: failure.status,
      });
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
