import type { ReferralRecord } from '../../../../src/domain/referral/referral-record';
import type { ReferralRecordRepository } from '../../../../src/store/referral-record.repository';

export const record = (overrides: Partial<ReferralRecord> = {}): ReferralRecord => ({
  month: '2026-11',
  completedAt: '2026-11-23T10:00:00.000Z',
  practice: 'Y00001',
  outcome: 'refer',
  primaryRoute: 'hwbc',
  secondaryRoute: null,
  declinedRoute: null,
  reasons: ['need-behaviour-change', 'ltc-present'],
  askedBy: 'referrer',
  ...overrides,
});

/** The fields of a stored record: its id and the anonymous fields, nothing that names anyone. */
export const STORED_RECORD_FIELDS: readonly string[] = [
  'id',
  'month',
  'completedAt',
  'practice',
  'outcome',
  'primaryRoute',
  'secondaryRoute',
  'declinedRoute',
  'reasons',
  'askedBy',
];

/** What every ReferralRecordRepository does; `repo()` is a new, empty one in each test. */
export function describeReferralRecordContract(repo: () => ReferralRecordRepository): void {
  describe('ReferralRecordRepository contract', () => {
    it('saves a record once per key, so a redelivered activity does not count twice', async () => {
      expect(await repo().add('conv|user|activity-1', record())).toBe(true);
      expect(await repo().add('conv|user|activity-1', record())).toBe(false);
      expect(
        await repo().add(
          'conv|user|activity-2',
          record({ completedAt: '2026-11-23T11:00:00.000Z' }),
        ),
      ).toBe(true);
      expect(
        await repo().add(
          'conv|user|activity-3',
          record({ month: '2026-12', completedAt: '2026-12-01T09:00:00.000Z' }),
        ),
      ).toBe(true);
      const november = await repo().listMonth('2026-11');
      expect(november.map((r) => r.completedAt)).toEqual([
        '2026-11-23T10:00:00.000Z',
        '2026-11-23T11:00:00.000Z',
      ]);
    });

    it('keeps the first record when a key comes again with other content', async () => {
      await repo().add('conv|user|activity-1', record());
      expect(await repo().add('conv|user|activity-1', record({ outcome: 'no-referral' }))).toBe(
        false,
      );
      expect(await repo().listMonth('2026-11')).toEqual([record()]);
    });

    it('lists a month in order of completion, whatever order the records came in', async () => {
      const times = [
        '2026-11-23T12:00:00.000Z',
        '2026-11-02T08:00:00.000Z',
        '2026-11-15T17:30:00.000Z',
      ];
      for (const [i, completedAt] of times.entries()) {
        await repo().add(`activity-${i}`, record({ completedAt }));
      }
      expect((await repo().listMonth('2026-11')).map((r) => r.completedAt)).toEqual([
        '2026-11-02T08:00:00.000Z',
        '2026-11-15T17:30:00.000Z',
        '2026-11-23T12:00:00.000Z',
      ]);
      expect(await repo().listMonth('2026-10')).toEqual([]);
    });

    it('gives back each record exactly as saved', async () => {
      const urgent = record({
        outcome: 'urgent',
        primaryRoute: null,
        practice: null,
        reasons: [],
        askedBy: 'coach',
      });
      await repo().add('k', urgent);
      expect(await repo().listMonth('2026-11')).toEqual([urgent]);
    });

    it('refuses to store a record that does not fit the schema', async () => {
      await expect(repo().add('bad', record({ month: 'November' }))).rejects.toThrow();
      expect(await repo().listMonth('November')).toEqual([]);
    });
  });
}
