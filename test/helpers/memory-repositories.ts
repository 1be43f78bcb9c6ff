import type { StoredConversation } from '../../src/domain/conversation';
import type { ReferralRecord } from '../../src/domain/referral/referral-record';
import type { ConversationRepository } from '../../src/store/conversation.repository';
import type { ReferralRecordRepository } from '../../src/store/referral-record.repository';

/** In-memory twins of the Cosmos repositories, for dialog tests; the Cosmos ones are tested against the server. */
export class MemoryReferralRecords implements ReferralRecordRepository {
  readonly saved = new Map<string, ReferralRecord>();

  add(key: string, record: ReferralRecord): Promise<boolean> {
    if (this.saved.has(key)) {
      return Promise.resolve(false);
    }
    this.saved.set(key, record);
    return Promise.resolve(true);
  }

  listMonth(month: string): Promise<ReferralRecord[]> {
    return Promise.resolve([...this.saved.values()].filter((r) => r.month === month));
  }
}

export class MemoryConversations implements ConversationRepository {
  readonly items = new Map<string, StoredConversation>();

  upsert(conversation: StoredConversation): Promise<void> {
    this.items.set(`${conversation.tenantId}|${conversation.conversationId}`, conversation);
    return Promise.resolve();
  }

  markInactive(tenantId: string, conversationId: string, at: string): Promise<void> {
    const existing = this.items.get(`${tenantId}|${conversationId}`);
    if (existing) {
      this.items.set(`${tenantId}|${conversationId}`, {
        ...existing,
        active: false,
        updatedAt: at,
      });
    }
    return Promise.resolve();
  }

  get(tenantId: string, conversationId: string): Promise<StoredConversation | undefined> {
    return Promise.resolve(this.items.get(`${tenantId}|${conversationId}`));
  }

  listActive(tenantId: string, kind: StoredConversation['kind']): Promise<StoredConversation[]> {
    return Promise.resolve(
      [...this.items.values()].filter(
        (c) => c.tenantId === tenantId && c.kind === kind && c.active,
      ),
    );
  }
}
