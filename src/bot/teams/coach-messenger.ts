import {
  renderSupervisionReminderCard,
  supervisionReminderData,
} from '../../cards/supervision/supervision.cards';
import type { CoachMessenger, ReminderMessage, ReminderResult } from '../../jobs/ports';
import type { Logger } from '../../logger';
import type { PersonalChat } from '../../dialogs/personal-chat';
import { sendPersonalCard } from './send-personal-card';

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
    return sendPersonalCard(
      this.chat,
      message.tenantId,
      message.schedule.coachId,
      card,
      (failure) =>
        this.logger.warn('reminder_not_delivered', {
          scheduleId: message.schedule.scheduleId,
          status: failure.status,
        }),
    );
  }
}
