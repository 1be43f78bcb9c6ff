import type { ReferrerFeedback } from '../../../../src/domain/referral-loop/referrer-feedback';
import type { ReferrerFeedbackRepository } from '../../../../src/store/referrer-feedback.repository';

export const feedback = (overrides: Partial<ReferrerFeedback> = {}): ReferrerFeedback => ({
  month: '2026-11',
  confidence: '4',
  usefulness: '3',
  answeredAt: '2026-12-01T10:00:00.000Z',
  ...overrides,
});

const GP_A = '3f2b1c4d-0000-4000-8000-00000000000a';
const GP_B = '3f2b1c4d-0000-4000-8000-00000000000b';

/** What every ReferrerFeedbackRepository does; `repo()` is a new, empty one in each test. */
export function describeReferrerFeedbackContract(repo: () => ReferrerFeedbackRepository): void {
  describe('ReferrerFeedbackRepository contract', () => {
    it('keeps one answer per referrer per month: the first', async () => {
      expect(await repo().add(GP_A, feedback())).toBe('saved');
      expect(
        await repo().add(
          GP_A,
          feedback({ confidence: '1', answeredAt: '2026-12-01T11:00:00.000Z' }),
        ),
      ).toBe('already-answered');
      expect(await repo().listMonth('2026-11')).toEqual([feedback()]);
    });

    it('treats the same referrer in another case of letters as the same referrer', async () => {
      await repo().add(GP_A, feedback());
      expect(await repo().add(GP_A.toUpperCase(), feedback({ confidence: '1' }))).toBe(
        'already-answered',
      );
    });

    it('takes one answer from each referrer, and a new one from the same referrer next month', async () => {
      expect(await repo().add(GP_A, feedback())).toBe('saved');
      expect(
        await repo().add(
          GP_B,
          feedback({ usefulness: '5', answeredAt: '2026-12-01T09:00:00.000Z' }),
        ),
      ).toBe('saved');
      expect(
        await repo().add(
          GP_A,
          feedback({ month: '2026-12', answeredAt: '2027-01-04T09:00:00.000Z' }),
        ),
      ).toBe('saved');
      expect((await repo().listMonth('2026-11')).map((f) => f.usefulness)).toEqual(['5', '3']);
      expect(await repo().listMonth('2026-12')).toHaveLength(1);
      expect(await repo().listMonth('2026-10')).toEqual([]);
    });

    it('never gives back who answered', async () => {
      await repo().add(GP_A, feedback());
      const [stored] = await repo().listMonth('2026-11');
      expect(JSON.stringify(stored)).not.toContain(GP_A);
      expect(Object.keys(stored ?? {}).sort()).toEqual(
        ['answeredAt', 'confidence', 'month', 'usefulness'].sort(),
      );
    });

    it('refuses an answer that does not fit the schema', async () => {
      await expect(
        repo().add(GP_A, { ...feedback(), confidence: '6' } as unknown as ReferrerFeedback),
      ).rejects.toThrow();
      expect(await repo().listMonth('2026-11')).toEqual([]);
    });
  });
}
