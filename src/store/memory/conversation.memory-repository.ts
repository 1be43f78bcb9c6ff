import { storedConversationSchema, type StoredConversation } from '../../domain/conversation';
import { CONTAINERS } from '../containers';
import type { ConversationRepository } from '../conversation.repository';
import { documentId } from '../document-id';
import { MemoryContainer, type Document } from './memory-container';
import { settle } from './settle';
import { readAs } from './stored-document';

/** Conversation references in memory, partitioned by tenant like the Cosmos container. */
export class MemoryConversationRepository implements ConversationRepository {
  constructor(
    private readonly container = new MemoryContainer(CONTAINERS.conversations.partitionKey),
  ) {}

  upsert(conversation: StoredConversation): Promise<void> {
    return settle(() => {
      this.container.upsert({
        id: documentId(conversation.tenantId, conversation.conversationId),
        ...storedConversationSchema.parse(conversation),
      });
    });
  }

  markInactive(tenantId: string, conversationId: string, at: string): Promise<void> {
    return settle(() => {
      const stored = this.container.read(documentId(tenantId, conversationId), tenantId);
      if (stored) {
        this.container.upsert({ ...stored.body, active: false, updatedAt: at });
      }
    });
  }

  get(tenantId: string, conversationId: string): Promise<StoredConversation | undefined> {
    return settle(() => {
      const stored = this.container.read(documentId(tenantId, conversationId), tenantId);
      return stored ? parse(stored.body) : undefined;
    });
  }

  listActive(tenantId: string, kind: StoredConversation['kind']): Promise<StoredConversation[]> {
    return settle(() =>
      this.container
        .query((d) => d.tenantId === tenantId && d.kind === kind && d.active === true)
        .map(({ body }) => parse(body)),
    );
  }
}

const parse = (body: Document): StoredConversation =>
  readAs(storedConversationSchema, 'conversation', body);
