import type { StoredConversation } from '../domain/conversation';

/** Where conversation references live, so proactive features can reach people and channels. */
export interface ConversationRepository {
  /** Insert or replace the conversation, marking it active. */
  upsert(conversation: StoredConversation): Promise<void>;
  /** Mark it inactive (app uninstalled or removed); keeps the record for the audit trail. */
  markInactive(tenantId: string, conversationId: string, at: string): Promise<void>;
  get(tenantId: string, conversationId: string): Promise<StoredConversation | undefined>;
  /** Active conversations of one kind in a tenant. */
  listActive(tenantId: string, kind: StoredConversation['kind']): Promise<StoredConversation[]>;
}
