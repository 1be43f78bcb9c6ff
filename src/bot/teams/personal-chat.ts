import type { Activity, CloudAdapter, ConversationParameters } from 'botbuilder';
import type { PersonalChat } from '../../dialogs/personal-chat';
import type { StoredConversation } from '../../domain/conversation';
import type { ConversationRepository } from '../../store/conversation.repository';

const TO_CHANNEL_SCOPE = 'https://api.botframework.com';

/** How long a tenant's list of conversations is reused: reminders in a burst read it once. */
const CONVERSATIONS_KEPT_MS = 10_000;

/**
 * Sends messages to one person's 1:1 chat with the bot: through the chat already known, or by
 * opening it (Teams lets a bot start a 1:1 chat with someone who has the app; otherwise it
 * answers 403, which the caller sees as a thrown error).
 */
export class TeamsPersonalChat implements PersonalChat {
  private readonly known = new Map<string, { at: number; list: Promise<StoredConversation[]> }>();

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly conversations: ConversationRepository,
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

  async send(
    tenantId: string,
    aadObjectId: string,
    messages: ReadonlyArray<Partial<Activity>>,
  ): Promise<'sent' | 'unreachable'> {
    const userId = aadObjectId.toLowerCase();
    const personal = (await this.listActive(tenantId, 'personal')).find(
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
      ...(await this.listActive(tenantId, 'channel')),
      ...(await this.listActive(tenantId, 'groupChat')),
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
