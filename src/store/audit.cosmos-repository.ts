import type { Container } from '@azure/cosmos';
import { randomUUID } from 'node:crypto';
import type { AuditEvent, AuditLog } from './audit.repository';
import { storageError } from './cosmos-errors';

export class CosmosAuditLog implements AuditLog {
  constructor(private readonly container: Container) {}

  async record(event: AuditEvent): Promise<void> {
    try {
      await this.container.items.create({ id: randomUUID(), ...event });
    } catch (error) {
      throw storageError('record audit event', error);
    }
  }

  async list(tenantId: string): Promise<AuditEvent[]> {
    try {
      const { resources } = await this.container.items
        .query<AuditEvent>({
          query:
            'SELECT c.tenantId, c.at, c.actor, c.actorName, c.action, c.subject, c.details FROM c WHERE c.tenantId = @t ORDER BY c.at',
          parameters: [{ name: '@t', value: tenantId }],
        })
        .fetchAll();
      return resources;
    } catch (error) {
      throw storageError('list audit events', error);
    }
  }
}
