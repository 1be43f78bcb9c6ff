import type { Container } from '@azure/cosmos';
import { randomUUID } from 'node:crypto';
import { storageError } from './cosmos-errors';

/** Who did what, where and when: kept for the PCN's audit trail. */
export interface AuditEvent {
  tenantId: string;
  at: string;
  actor: string;
  actorName: string;
  action: 'broadcast.created' | 'broadcast.cancelled';
  subject: string;
  details: Record<string, string | number | string[]>;
}

export interface AuditLog {
  record(event: AuditEvent): Promise<void>;
  list(tenantId: string): Promise<AuditEvent[]>;
}

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
