import type { DigestRepository } from '../../../../src/store/digest.repository';

const AT = '2026-11-30T08:30:00.000Z';

/** What every DigestRepository does; `repo()` is a new, empty one in each test. */
export function describeDigestContract(repo: () => DigestRepository): void {
  describe('DigestRepository contract', () => {
    it('knows no preference for someone who never chose, and keeps the latest choice', async () => {
      expect(await repo().getPreference('tenant-1', 'coach-1')).toBeUndefined();
      await repo().setPreference({
        tenantId: 'tenant-1',
        userId: 'coach-1',
        enabled: false,
        updatedAt: AT,
      });
      await repo().setPreference({
        tenantId: 'tenant-1',
        userId: 'coach-2',
        enabled: true,
        updatedAt: AT,
      });
      expect(await repo().getPreference('tenant-1', 'coach-1')).toEqual({
        tenantId: 'tenant-1',
        userId: 'coach-1',
        enabled: false,
        updatedAt: AT,
      });
      await repo().setPreference({
        tenantId: 'tenant-1',
        userId: 'coach-1',
        enabled: true,
        updatedAt: '2026-12-01T09:00:00.000Z',
      });
      expect((await repo().getPreference('tenant-1', 'coach-1'))?.enabled).toBe(true);
      expect(await repo().getPreference('tenant-2', 'coach-1')).toBeUndefined();
    });

    it('lets exactly one of several claims of the same week win, and each week be claimed once', async () => {
      const claims = await Promise.all(
        Array.from({ length: 5 }, () => repo().claimWeek('tenant-1', 'lead-1', '2026-W49', AT)),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await repo().claimWeek('tenant-1', 'lead-1', '2026-W49', AT)).toBe(false);
      expect(await repo().claimWeek('tenant-1', 'lead-1', '2026-W50', AT)).toBe(true);
      expect(await repo().claimWeek('tenant-1', 'coach-1', '2026-W49', AT)).toBe(true);
      expect(await repo().claimWeek('tenant-2', 'lead-1', '2026-W49', AT)).toBe(true);
    });

    it('gives a claim back so it can be claimed again, and releasing one never made is harmless', async () => {
      expect(await repo().claimWeek('tenant-1', 'lead-1', '2026-W49', AT)).toBe(true);
      await repo().releaseWeek('tenant-1', 'lead-1', '2026-W49');
      await repo().releaseWeek('tenant-1', 'lead-1', '2026-W49');
      expect(await repo().claimWeek('tenant-1', 'lead-1', '2026-W49', AT)).toBe(true);
    });

    it('refuses a week that is not an ISO week', async () => {
      await expect(repo().claimWeek('tenant-1', 'lead-1', '2026-49', AT)).rejects.toThrow();
    });
  });
}
