import type { Container } from '@azure/cosmos';
import { storedConversationSchema, type StoredConversation } from '../domain/conversation';
import { parseStored, queryAll, readDocument, upsertDocument } from './documents';
import { cosmosStatus, storageError } from './cosmos-errors';
import { documentId } from './document-id';
import type { ConversationRepository } from './conversation.repository';

export class CosmosConversationRepository implements ConversationRepository {
  constructor(private readonly container: Container) {}

  async upsert(conversation: StoredConversation): Promise<void> {
    const document = {
      id: documentId(conversation.tenantId, conversation.conversationId),
      ...storedConversationSchema.parse(conversation),
    };
    await upsertDocument(this.container, document, 'save conversation');
  }

  async markInactive(tenantId: string, conversationId: string, at: string): Promise<void> {
    const id = documentId(tenantId, conversationId);
    try {
      await this.container.item(id, tenantId).patch([
        { op: 'set', path: '/active', value: false },
        { op: 'set', path: '/updatedAt', value: at },
      ]);
    } catch (error) {
      if (cosmosStatus(error) === 404) {
        return;
      }
      throw storageError('mark conversation inactive', error);
    }
  }

  async get(tenantId: string, conversationId: string): Promise<StoredConversation | undefined> {
    const resource = await readDocument<Record<string, unknown>>(
      this.container.item(documentId(tenantId, conversationId), tenantId),
      'read conversation',
    );
    return resource === undefined ? undefined : this.parse(resource);
  }

  async listActive(
    tenantId: string,
    kind: StoredConversation['kind'],
  ): Promise<StoredConversation[]> {
    const docs = await queryAll<unknown>(
      this.container,
      'conversations',
      'SELECT * FROM c WHERE c.tenantId = @tenantId AND c.kind = @kind AND c.active = true',
      [
        { name: '@tenantId', value: tenantId },
        { name: '@kind', value: kind },
      ],
    );
    return docs.map((doc) => this.parse(doc));
  }

  private parse(document: unknown): StoredConversation {
    return parseStored(storedConversationSchema, 'conversation', document);
  }
}
