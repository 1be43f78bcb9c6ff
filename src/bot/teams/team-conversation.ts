import type { Activity, CloudAdapter } from 'botbuilder';
import type { TeamConversation } from '../../dialogs/team-conversation';
import type { ConversationRepository } from '../../store/conversation.repository';

/**
 * Posts into a conversation the bot was added to (the coaching team's channel), through the
 * reference stored when the bot joined it. 'unreachable' when the bot is not (or no longer) there.
 */
export class TeamsConversationPoster implements TeamConversation {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly conversations: ConversationRepository,
  ) {}

  async send(
    tenantId: string,
    conversationId: string,
    messages: ReadonlyArray<Partial<Activity>>,
  ): Promise<'sent' | 'unreachable'> {
    const stored = await this.conversations.get(tenantId, conversationId);
    if (!stored?.active) {
      return 'unreachable';
    }
    await this.adapter.continueConversationAsync(this.appId, stored.reference, async (context) => {
      await context.sendActivities([...messages]);
    });
    return 'sent';
  }
}
