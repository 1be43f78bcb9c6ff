import type { Container } from '@azure/cosmos';
import { storedConversationSchema, type StoredConversation } from '../domain/conversation';
import { AppError } from '../errors';
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
    try {
      await this.container.items.upsert(document);
    } catch (error) {
      throw storageError('save conversation', error);
    }
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
    try {
      const { resource } = await this.container
        .item(documentId(tenantId, conversationId), tenantId)
        .read<Record<string, unknown>>();
      return resource === undefined ? undefined : this.parse(resource);
    } catch (error) {
      if (cosmosStatus(error) === 404) {
        return undefined;
      }
      throw error instanceof AppError ? error : storageError('read conversation', error);
    }
  }

  async listActive(
    tenantId: string,
    kind: StoredConversation['kind'],
  ): Promise<StoredConversation[]> {
    try {
      const { resources } = await this.container.items
        .query<Record<string, unknown>>({
          query:
            'SELECT * FROM c WHERE c.tenantId = @tenantId AND c.kind = @kind AND c.active = true',
          parameters: [
            { name: '@tenantId', value: tenantId },
            { name: '@kind', value: kind },
          ],
        })
        .fetchAll();
      return resources.map((r) => this.parse(r));
    } catch (error) {
      throw error instanceof AppError ? error : storageError('list conversations', error);
    }
  }

  private parse(document: Record<string, unknown>): StoredConversation {
    const parsed = storedConversationSchema.safeParse(document);
    if (!parsed.success) {
      throw new AppError('STORED_DOCUMENT_INVALID', 'conversation');
    }
    return parsed.data;
  }
}
