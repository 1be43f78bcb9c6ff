/** Who did what, where and when: kept for the PCN's audit trail. */
export interface AuditEvent {
  tenantId: string;
  at: string;
  actor: string;
  actorName: string;
  action:
    | 'broadcast.created'
    | 'broadcast.cancelled'
    | 'broadcast.retried'
    | 'broadcast.skipped'
    | 'broadcast.changed'
    | 'roster.added'
    | 'roster.changed'
    | 'roster.removed';
  subject: string;
  details: Record<string, string | number | string[]>;
}

export interface AuditLog {
  record(event: AuditEvent): Promise<void>;
  list(tenantId: string): Promise<AuditEvent[]>;
}
