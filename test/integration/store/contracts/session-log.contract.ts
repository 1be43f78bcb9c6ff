import type { SessionLog } from '../../../../src/domain/sessions/session-log';
import type { SessionLogRepository } from '../../../../src/store/session-log.repository';
import { storedSessionLog } from '../../../helpers/session-log-fixtures';

/** A log with PAM, ONS4 and a caseload reference filled in, so a round trip shows they are kept. */
export const sessionLog = (overrides: Partial<SessionLog> = {}): SessionLog => ({
  ...storedSessionLog(
    {},
    {
      durationMinutes: 45,
      mode: 'video',
      referralSource: 'nurse',
      pamLevel: 2,
      ons4: { satisfaction: 5, worthwhile: 6, happiness: 7, anxiety: 3 },
      caseloadRef: 'RIV-014',
      referralRef: 'HC-7K3Q',
    },
  ),
  ...overrides,
});

const ids = (logs: readonly SessionLog[]): string[] =>
  logs.map((l) => `${l.coachId}/${l.logId}`).sort();

/** What every SessionLogRepository does; `repo()` is a new, empty one in each test. */
export function describeSessionLogContract(repo: () => SessionLogRepository): void {
  describe('SessionLogRepository contract', () => {
    it('stores a log once: the same id again (a submit delivered twice) changes nothing', async () => {
      expect(await repo().add(sessionLog())).toBe(true);
      expect(
        await repo().add(sessionLog({ entry: { ...sessionLog().entry, durationMinutes: 90 } })),
      ).toBe(false);
      expect(await repo().get('coach-1', 'log-1')).toEqual(sessionLog());
      expect(await repo().listForCoach('coach-1', '2026-11')).toHaveLength(1);
    });

    it("reads a log only under its own coach: a log id is one coach's", async () => {
      await repo().add(sessionLog());
      expect(await repo().get('coach-2', 'log-1')).toBeUndefined();
      expect(await repo().get('coach-1', 'log-2')).toBeUndefined();
      expect(await repo().add(sessionLog({ coachId: 'coach-2' }))).toBe(true);
      expect(await repo().get('coach-2', 'log-1')).toEqual(sessionLog({ coachId: 'coach-2' }));
    });

    it('replaces a log, month and all', async () => {
      await repo().add(sessionLog());
      const changed = sessionLog({
        month: '2026-10',
        entry: { ...sessionLog().entry, date: '2026-10-30', attended: false, ons4: null },
      });
      await repo().replace(changed);
      expect(await repo().get('coach-1', 'log-1')).toEqual(changed);
      expect(await repo().listForCoach('coach-1', '2026-11')).toEqual([]);
      expect(await repo().listForCoach('coach-1', '2026-10')).toEqual([changed]);
    });

    it('fails to replace a log that is not there, and stores nothing', async () => {
      await expect(repo().replace(sessionLog())).rejects.toMatchObject({
        code: 'STORAGE_UNAVAILABLE',
      });
      expect(await repo().get('coach-1', 'log-1')).toBeUndefined();
    });

    it('removes a log; removing one that is not there is a no-op', async () => {
      await repo().add(sessionLog());
      await repo().add(sessionLog({ logId: 'log-2' }));
      await repo().remove('coach-1', 'log-1');
      expect(await repo().get('coach-1', 'log-1')).toBeUndefined();
      await expect(repo().remove('coach-1', 'log-1')).resolves.toBeUndefined();
      await expect(repo().remove('coach-9', 'nope')).resolves.toBeUndefined();
      expect(ids(await repo().listForCoach('coach-1', '2026-11'))).toEqual(['coach-1/log-2']);
    });

    it("lists one coach's month, and every coach's month in one tenant", async () => {
      await repo().add(sessionLog());
      await repo().add(sessionLog({ logId: 'log-2' }));
      await repo().add(sessionLog({ logId: 'log-3', month: '2026-12' }));
      await repo().add(sessionLog({ logId: 'log-4', coachId: 'coach-2' }));
      await repo().add(sessionLog({ logId: 'log-5', coachId: 'coach-3', tenantId: 'tenant-2' }));
      expect(ids(await repo().listForCoach('coach-1', '2026-11'))).toEqual([
        'coach-1/log-1',
        'coach-1/log-2',
      ]);
      expect(ids(await repo().listForCoach('coach-1', '2026-12'))).toEqual(['coach-1/log-3']);
      expect(ids(await repo().listForMonth('tenant-1', '2026-11'))).toEqual([
        'coach-1/log-1',
        'coach-1/log-2',
        'coach-2/log-4',
      ]);
      expect(ids(await repo().listForMonth('tenant-2', '2026-11'))).toEqual(['coach-3/log-5']);
      expect(await repo().listForMonth('tenant-1', '2027-01')).toEqual([]);
    });

    it("lists a coach's or a tenant's logs by the session's date, both ends included, across months", async () => {
      const dated = (logId: string, date: string, more: Partial<SessionLog> = {}): SessionLog =>
        sessionLog({
          logId,
          month: date.slice(0, 7),
          entry: { ...sessionLog().entry, date },
          ...more,
        });
      await repo().add(dated('sep-30', '2026-09-30'));
      await repo().add(dated('oct-1', '2026-10-01'));
      await repo().add(dated('dec-31', '2026-12-31'));
      await repo().add(dated('jan-1', '2027-01-01'));
      await repo().add(dated('theirs', '2026-11-05', { coachId: 'coach-2' }));
      await repo().add(
        dated('elsewhere', '2026-11-05', { coachId: 'coach-3', tenantId: 'tenant-2' }),
      );
      const q4 = { start: '2026-10-01', end: '2026-12-31' };
      expect(ids(await repo().listForCoachDates('coach-1', q4))).toEqual([
        'coach-1/dec-31',
        'coach-1/oct-1',
      ]);
      expect(ids(await repo().listForTenantDates('tenant-1', q4))).toEqual([
        'coach-1/dec-31',
        'coach-1/oct-1',
        'coach-2/theirs',
      ]);
      expect(ids(await repo().listForTenantDates('tenant-2', q4))).toEqual(['coach-3/elsewhere']);
    });

    it("lists a coach's logs made since an instant, whatever the session's date", async () => {
      await repo().add(sessionLog({ logId: 'old', createdAt: '2026-11-23T08:59:59.000Z' }));
      await repo().add(
        sessionLog({
          logId: 'new',
          createdAt: '2026-11-30T16:00:00.000Z',
          month: '2026-06',
          entry: { ...sessionLog().entry, date: '2026-06-01' },
        }),
      );
      await repo().add(sessionLog({ logId: 'edge', createdAt: '2026-11-23T09:00:00.000Z' }));
      await repo().add(
        sessionLog({ logId: 'theirs', coachId: 'coach-2', createdAt: '2026-11-30T16:00:00.000Z' }),
      );
      expect(ids(await repo().listMadeSince('coach-1', '2026-11-23T09:00:00.000Z'))).toEqual([
        'coach-1/edge',
        'coach-1/new',
      ]);
    });

    it('refuses to store a log that does not fit the schema', async () => {
      await expect(repo().add(sessionLog({ month: 'Nov' }))).rejects.toThrow();
      await repo().add(sessionLog());
      await expect(repo().replace(sessionLog({ createdAt: 'yesterday' }))).rejects.toThrow();
      expect(await repo().get('coach-1', 'log-1')).toEqual(sessionLog());
    });
  });
}
