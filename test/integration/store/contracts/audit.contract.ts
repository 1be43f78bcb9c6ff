import type { AuditEvent, AuditLog } from '../../../../src/store/audit.repository';

const event = (overrides: Partial<AuditEvent> = {}): AuditEvent => ({
  tenantId: 'tenant-1',
  at: '2026-11-23T09:00:00.000Z',
  actor: 'lead-1',
  actorName: 'Sam Lead',
  action: 'broadcast.created',
  subject: 'job-1',
  details: { cards: ['what', 'who'], audience: 'general', posts: 4 },
  ...overrides,
});

/** What every AuditLog does; `log()` is a new, empty one in each test. */
export function describeAuditContract(log: () => AuditLog): void {
  describe('AuditLog contract', () => {
    it("lists a tenant's events in time order, each exactly as recorded", async () => {
      const cancelled = event({
        at: '2026-11-23T10:00:00.000Z',
        action: 'broadcast.cancelled',
        details: { postsCancelled: 3 },
      });
      const earliest = event({ at: '2026-11-22T17:00:00.000Z', subject: 'job-0' });
      await log().record(cancelled);
      await log().record(event());
      await log().record(earliest);
      expect(await log().list('tenant-1')).toEqual([earliest, event(), cancelled]);
    });

    it('keeps every event, even one recorded twice', async () => {
      await log().record(event());
      await log().record(event());
      expect(await log().list('tenant-1')).toEqual([event(), event()]);
    });

    it('keeps tenants apart', async () => {
      await log().record(event());
      await log().record(event({ tenantId: 'tenant-2', actor: 'lead-9' }));
      expect(await log().list('tenant-2')).toEqual([
        event({ tenantId: 'tenant-2', actor: 'lead-9' }),
      ]);
      expect(await log().list('tenant-3')).toEqual([]);
    });
  });
}
