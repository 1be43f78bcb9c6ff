import type { ReferralCaseRepository } from '../../../../src/store/referral-case.repository';
import { referralCase } from '../../../helpers/referral-case-fixtures';

/** What every ReferralCaseRepository does; `repo()` is a new, empty one in each test. */
export function describeReferralCaseContract(repo: () => ReferralCaseRepository): void {
  describe('ReferralCaseRepository contract', () => {
    it('creates a case once per reference in a PCN: a taken reference says so', async () => {
      expect(await repo().create(referralCase())).toBe(true);
      expect(await repo().create(referralCase({ sendKey: 'send-2' }))).toBe(false);
      expect((await repo().get('riverside', 'HC-7K3Q'))?.value).toEqual(referralCase());
      // The same reference in another PCN is another case.
      expect(await repo().create(referralCase({ pcn: 'hillside' }))).toBe(true);
      expect(await repo().get('riverside', 'HC-2B2B')).toBeUndefined();
    });

    it('finds a case by its send key, for its referrer only', async () => {
      await repo().create(referralCase());
      expect(await repo().findBySendKey('riverside', 'gp-1', 'send-1')).toEqual(referralCase());
      expect(await repo().findBySendKey('riverside', 'gp-2', 'send-1')).toBeUndefined();
      expect(await repo().findBySendKey('riverside', 'gp-1', 'send-2')).toBeUndefined();
    });

    it('replaces a case only if it is unchanged since it was read', async () => {
      await repo().create(referralCase());
      const read = await repo().get('riverside', 'HC-7K3Q');
      if (!read) {
        throw new Error('the case should be there');
      }
      const accepted = referralCase({
        state: 'accepted',
        pendingUpdates: [{ state: 'accepted', at: '2026-11-24T10:00:00.000Z' }],
      });
      expect(await repo().replaceIfUnchanged(read, accepted)).toBe(true);
      expect(
        await repo().replaceIfUnchanged(read, referralCase({ state: 'not-for-coaching' })),
      ).toBe(false);
      expect((await repo().get('riverside', 'HC-7K3Q'))?.value.state).toBe('accepted');
    });

    it("lists a referrer's cases, the open ones and those with news for the referrer", async () => {
      await repo().create(referralCase());
      await repo().create(
        referralCase({
          reference: 'HC-2B3C',
          sendKey: 'send-2',
          state: 'accepted',
          pendingUpdates: [{ state: 'accepted', at: '2026-11-24T10:00:00.000Z' }],
        }),
      );
      await repo().create(
        referralCase({
          reference: 'HC-4D5F',
          sendKey: 'send-3',
          referrerId: 'gp-2',
          state: 'closed',
        }),
      );
      const refs = (cases: ReadonlyArray<{ reference: string }>) =>
        cases.map((c) => c.reference).sort();
      expect(refs(await repo().listForReferrer('riverside', 'gp-1'))).toEqual([
        'HC-2B3C',
        'HC-7K3Q',
      ]);
      expect(refs(await repo().listOpen('riverside'))).toEqual(['HC-2B3C', 'HC-7K3Q']);
      expect(refs((await repo().listWithPendingUpdates('riverside')).map((v) => v.value))).toEqual([
        'HC-2B3C',
      ]);
      expect(await repo().listOpen('hillside')).toEqual([]);
    });

    it('lists the cases made in a span of time, the start included and the end not', async () => {
      await repo().create(referralCase({ createdAt: '2026-10-31T23:59:59.000Z' }));
      await repo().create(
        referralCase({
          reference: 'HC-2B3C',
          sendKey: 's2',
          createdAt: '2026-11-01T00:00:00.000Z',
        }),
      );
      await repo().create(
        referralCase({
          reference: 'HC-4D5F',
          sendKey: 's3',
          createdAt: '2026-11-30T23:59:59.000Z',
        }),
      );
      await repo().create(
        referralCase({
          reference: 'HC-6F7G',
          sendKey: 's4',
          createdAt: '2026-12-01T00:00:00.000Z',
        }),
      );
      const made = await repo().listCreatedBetween(
        'riverside',
        '2026-11-01T00:00:00.000Z',
        '2026-12-01T00:00:00.000Z',
      );
      expect(made.map((c) => c.reference).sort()).toEqual(['HC-2B3C', 'HC-4D5F']);
      expect(
        await repo().listCreatedBetween(
          'hillside',
          '2026-01-01T00:00:00.000Z',
          '2027-01-01T00:00:00.000Z',
        ),
      ).toEqual([]);
    });
  });
}
