import type { StoredConversation } from '../domain/conversation';
import type { ConversationRepository } from '../store/conversation.repository';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * What about a conversation is worth a write: where to reach it (service URL, the reference's
 * conversation, bot and channel), who it is with (team, channel, the 1:1 user), and whether the
 * app is there. Not when it was seen, nor who spoke last in a shared chat or their locale.
 */
function whatMatters(conversation: StoredConversation): string {
  const { reference } = conversation;
  return JSON.stringify([
    conversation.kind,
    conversation.serviceUrl,
    conversation.userAadObjectId ?? null,
    conversation.teamId ?? null,
    conversation.teamName ?? null,
    conversation.channelId ?? null,
    conversation.channelName ?? null,
    conversation.active,
    reference.serviceUrl ?? null,
    reference.channelId ?? null,
    reference.bot ?? null,
    reference.conversation ?? null,
    conversation.kind === 'personal' ? (reference.user ?? null) : null,
  ]);
}

/**
 * Keeps conversation references without a write on every message: a message's conversation is
 * written when something that matters changed since this instance last wrote it, or once a day
 * (so `updatedAt` still says it is in use). Installs and membership changes always write. Each
 * instance remembers what it wrote, for at most `maxRemembered` conversations (the least recently
 * written are forgotten first, and simply written again).
 */
export class ConversationRecorder {
  private readonly written = new Map<string, { matters: string; atMs: number }>();

  constructor(
    private readonly conversations: ConversationRepository,
    private readonly maxRemembered = 10_000,
    private readonly refreshMs = DAY_MS,
  ) {}

  /** Write it if it matters (`always` for installs and membership changes). */
  async record(conversation: StoredConversation, nowMs: number, always: boolean): Promise<void> {
    const key = `${conversation.tenantId}|${conversation.conversationId}`;
    const matters = whatMatters(conversation);
    const last = this.written.get(key);
    if (!always && last && last.matters === matters && nowMs - last.atMs < this.refreshMs) {
      return;
    }
    await this.conversations.upsert(conversation);
    this.written.delete(key);
    this.written.set(key, { matters, atMs: nowMs });
    if (this.written.size > this.maxRemembered) {
      const oldest = this.written.keys().next();
      if (!oldest.done) {
        this.written.delete(oldest.value);
      }
    }
  }

  /** The app left the conversation: the next message writes it again. */
  forget(tenantId: string, conversationId: string): void {
    this.written.delete(`${tenantId}|${conversationId}`);
  }
}
