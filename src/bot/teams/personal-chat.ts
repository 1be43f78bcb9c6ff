import type { Activity, CloudAdapter, ConversationParameters } from 'botbuilder';
import type { PersonalChat } from '../../dialogs/personal-chat';
import type { ConversationRepository } from '../../store/conversation.repository';

const TO_CHANNEL_SCOPE = 'https://api.botframework.com';

/**
 * Sends messages to one person's 1:1 chat with the bot: through the chat already known, or by
 * opening it (Teams lets a bot start a 1:1 chat with someone who has the app; otherwise it
 * answers 403, which the caller sees as a thrown error).
 */
export class TeamsPersonalChat implements PersonalChat {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly conversations: ConversationRepository,
  ) {}

  async send(
    tenantId: string,
    aadObjectId: string,
    messages: ReadonlyArray<Partial<Activity>>,
  ): Promise<'sent' | 'unreachable'> {
    const userId = aadObjectId.toLowerCase();
    const personal = (await this.conversations.listActive(tenantId, 'personal')).find(
      (c) => c.userAadObjectId?.toLowerCase() === userId,
    );
    if (personal) {
      await this.adapter.continueConversationAsync(
        this.appId,
        personal.reference,
        async (context) => {
          await context.sendActivities([...messages]);
        },
      );
      return 'sent';
    }
    const anyConversation = [
      ...(await this.conversations.listActive(tenantId, 'channel')),
      ...(await this.conversations.listActive(tenantId, 'groupChat')),
    ][0];
    if (!anyConversation) {
      return 'unreachable';
    }
    const parameters = {
      isGroup: false,
      members: [{ id: userId, name: '' }],
      tenantId,
      channelData: { tenant: { id: tenantId } },
    } as ConversationParameters;
    await this.adapter.createConversationAsync(
      this.appId,
      'msteams',
      anyConversation.serviceUrl,
      TO_CHANNEL_SCOPE,
      parameters,
      async (context) => {
        await context.sendActivities([...messages]);
      },
    );
    return 'sent';
  }
}
