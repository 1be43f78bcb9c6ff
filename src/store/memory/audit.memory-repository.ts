import { randomUUID } from 'node:crypto';
import type { AuditEvent, AuditLog } from '../audit.repository';
import { CONTAINERS } from '../containers';
import { MemoryContainer, type Document } from './memory-container';
import { settle } from './settle';
import { bodiesBy } from './stored-document';

const FIELDS = ['tenantId', 'at', 'actor', 'actorName', 'action', 'subject', 'details'] as const;

/** The audit trail in memory, per tenant like the Cosmos container; each event is kept, even twice. */
export class MemoryAuditLog implements AuditLog {
  constructor(private readonly container = new MemoryContainer(CONTAINERS.audit.partitionKey)) {}

  record(event: AuditEvent): Promise<void> {
    return settle(() => {
      this.container.create({ id: randomUUID(), ...event });
    });
  }

  list(tenantId: string): Promise<AuditEvent[]> {
    return settle(() =>
      bodiesBy(
        this.container.query((d) => d.tenantId === tenantId),
        'at',
      ).map(project),
    );
  }
}

/** The event's own fields, as the Cosmos query selects them (not the id). */
function project(body: Document): AuditEvent {
  const event: Document = {};
  for (const field of FIELDS) {
    if (field in body) {
      event[field] = body[field];
    }
  }
  return event as unknown as AuditEvent;
}
