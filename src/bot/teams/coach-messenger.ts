import type { CloudAdapter, ConversationParameters } from 'botbuilder';
import {
  renderSupervisionReminderCard,
  supervisionReminderData,
} from '../../cards/supervision/supervision.cards';
import type { CoachMessenger, ReminderMessage, ReminderResult } from '../../jobs/ports';
import type { Logger } from '../../logger';
import type { StoredConversation } from '../../domain/conversation';
import type { ConversationRepository } from '../../store/conversation.repository';
import { connectorFailure, isTransient } from './connector-failure';

const TO_CHANNEL_SCOPE = 'https://api.botframework.com';

/** When Teams is throttling or failing without saying how long to wait. */
const DEFAULT_RETRY_MS = 60_000;

/** How long a tenant's list of conversations is reused: one query for a run of reminders. */
const CONVERSATIONS_KEPT_MS = 10_000;

/**
 * Sends a coach their reminder in the 1:1 chat with the bot. If the coach has the app but the bot
 * has never talked to them, it opens the 1:1 chat first (Teams allows a bot to start a 1:1 chat
 * with a user who has the app).
 */
export class BotCoachMessenger implements CoachMessenger {
  private readonly known = new Map<string, { at: number; list: Promise<StoredConversation[]> }>();

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly conversations: ConversationRepository,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** The tenant's active conversations of a kind, read at most every few seconds. */
  private listActive(
    tenantId: string,
    kind: StoredConversation['kind'],
  ): Promise<StoredConversation[]> {
    const key = `${kind}|${tenantId}`;
    const kept = this.known.get(key);
    if (kept && this.now() - kept.at < CONVERSATIONS_KEPT_MS) {
      return kept.list;
    }
    const list = this.conversations.listActive(tenantId, kind);
    this.known.set(key, { at: this.now(), list });
    list.catch(() => this.known.delete(key));
    return list;
  }

  async sendReminder(message: ReminderMessage): Promise<ReminderResult> {
    const card = renderSupervisionReminderCard(
      supervisionReminderData(message.schedule, message.sessionStart, message.kind, message.late),
    );
    const coachId = message.schedule.coachId.toLowerCase();
    const personal = (await this.listActive(message.tenantId, 'personal')).find(
      (c) => c.userAadObjectId?.toLowerCase() === coachId,
    );
    try {
      if (personal) {
        await this.adapter.continueConversationAsync(
          this.appId,
          personal.reference,
          async (context) => {
            await context.sendActivity({ attachments: [card] });
          },
        );
        return { kind: 'sent' };
      }
      const anyConversation = [
        ...(await this.listActive(message.tenantId, 'channel')),
        ...(await this.listActive(message.tenantId, 'groupChat')),
      ][0];
      if (!anyConversation) {
        return { kind: 'unreachable', reason: 'no conversation known in the tenant' };
      }
      const parameters = {
        isGroup: false,
        members: [{ id: coachId, name: '' }],
        tenantId: message.tenantId,
        channelData: { tenant: { id: message.tenantId } },
      } as ConversationParameters;
      await this.adapter.createConversationAsync(
        this.appId,
        'msteams',
        anyConversation.serviceUrl,
        TO_CHANNEL_SCOPE,
        parameters,
        async (context) => {
          await context.sendActivity({ attachments: [card] });
        },
      );
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
